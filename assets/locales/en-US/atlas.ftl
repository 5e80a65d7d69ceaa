# CSTO Atlas: the interface in English. Keys are lowercase with hyphens; a message with a
# number chooses its plural form by the CLDR rules of the language.

## Dates

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-words = { $day } { $month } { $year }

## Counts

bodies-count = { $count ->
    [one] { $count } body
   *[other] { $count } bodies
}

## The legend and the badges of a chart

legend-reports-to = reports to
legend-reports-through-hidden = reports through hidden bodies
legend-relation-on-line = relation along a reporting line (its colour is the relation's kind)
legend-selected = selected
legend-path = path to the apex
legend-neighbour = neighbour
legend-match = search match
legend-citing = cites the chosen article
legend-added = established in the period
legend-uncertain = dashed: inferred, unverified or disputed
legend-undated = founding date not known
legend-ghost = lighter: founding date not known, may not have existed yet
legend-added-undated = under a new body, its own date not known
legend-folded = folded: N bodies beneath
badge-new = new
badge-new-maybe = new?
badge-undated = n.d.

## Captions of pictures, and a view in words

caption-source = Source: CSTO Atlas, edition { $edition }
caption-source-checked = Source: CSTO Atlas, edition { $edition }, sources checked to { $checked }
caption-shown = { $shown } of { $total ->
    [one] { $total } body
   *[other] { $total } bodies
} shown
caption-view-empty = ; view of an empty part of the chart
caption-view-part = ; view of { $count } of them, around { $name }
caption-apex-note-by = { $name } has no parent body: it was set up by { $by }.
caption-apex-note = { $name } has no parent body.
view-all = All bodies
view-no-bodies = No bodies
view-and = { $rest } and { $last }
view-neighbours = { $name } and its neighbours
view-within = { $name } and the bodies within { $count } steps of it
view-as-of = { $view } as of { $date }
view-compare = , bodies new since { $date } marked
view-folded-to-apexes = , folded to the apexes
view-levels-open = { $count ->
    [one] , 1 level below the apex open
   *[other] , { $count } levels below the apex open
}
view-folded = { $count ->
    [one] , 1 body folded
   *[other] , { $count } bodies folded
}
view-relations-hidden = { $count ->
    [one] , 1 relation kind hidden
   *[other] , { $count } relation kinds hidden
}

## The menu bar

menu-file = File
menu-open = Open atlas…
menu-export = Export…
menu-copy-image = Copy image
menu-copy-image-hint = The whole chart as shown, to the clipboard
menu-quit = Quit
menu-view = View
menu-help = Help
menu-cite-view = Cite this view
menu-about = About CSTO Atlas
menu-about-hint = Version, data edition and licence
menu-fit-all = Fit all
menu-centre = Centre on selection
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-reset-view = Reset view
menu-go-to-date = Go to date…
menu-go-to-date-hint = Type the date to show the organization at
menu-left-to-right = Left to right
menu-overview = Overview
menu-overview-hint = The whole chart small in a corner: click or drag on it to move
menu-fold = Fold
menu-fold-selection = Fold or unfold the selection
menu-expand-all = Expand all
menu-only-apexes = Only the apexes
menu-showcase = Showcase: fade filtered bodies
menu-relations = Relations
menu-names = Language
menu-cite-style = Citation style
menu-cite-style-hint = GOST R 7.0.5-2008 with Russian names, APA otherwise
menu-theme = Theme
menu-theme-system = Follow the system
menu-theme-light = Light
menu-theme-dark = Dark
menu-cite-view-hint = Copy a citation of this view, and the command line that reopens it, for a figure in a paper
menu-expand-to = Expand to level { $level }
menu-cite-style-default = As the language ({ $style })
help-keys = Mouse: drag to pan, wheel to zoom, click a body to read about it.
    { $fit } fit all · { $centre } centre · { $zoom_in } { $zoom_out } zoom · { $reset } reset · { $orientation } orientation
    Arrows: the nearest box that way · Enter centre · Space fold · { $clear } clear the search,
    then the selection · Tab moves between the panels' controls and the chart
    { $search } search (↓ ↑ walk the results) · { $date } go to date · { $export } export · { $copy } copy image · { $open } open

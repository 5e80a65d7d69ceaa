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
caption-shown = { $shown } of { $noun ->
    [entries] { $total ->
        [one] { $total } entry
       *[other] { $total } entries
    }
    [custom] { $total } { $word }
   *[bodies] { $total ->
        [one] { $total } body
       *[other] { $total } bodies
    }
} shown
caption-view-empty = ; view of an empty part of the chart
caption-view-part = ; view of { $count } of them, around { $name }
caption-apex-note-by = { $name } has no parent body: it was set up by { $by }.
caption-apex-note = { $name } has no parent body.
caption-apex-many = { $count ->
    [one] One body has no parent
   *[other] { $count } bodies have no parent
}: they stand apart from the chart's head.
view-all = { $noun ->
    [entries] All entries
    [custom] All { $word }
   *[bodies] All bodies
}
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

## The left panel and the header

tab-outline = Outline
tab-filters = Filters
tab-articles = Articles
tab-members = Members
search-hint = Search bodies ({ $key })
search-no-match = No match
search-under = { " " }· under the { $parent }
search-at-top = { " " }· at the top
search-matched-in = { " " }· matched in the { $field }
field-name = name
field-short = short name
field-alias = alias
field-mandate = mandate
field-composition = composition
undated-hidden = { $count ->
    [one] 1 body of unknown date hidden
   *[other] { $count } bodies of unknown date hidden
}
header-shown = { $shown } of { $total } shown
header-clear-filters = Clear filters
header-clear-filters-hint = Show every body again
header-article-hint = Stop highlighting the bodies that cite this article
header-currency = edition { $edition }
header-currency-checked = edition { $edition } · sources checked to { $checked }
header-currency-hint = The edition is the date the data describes; the sources were read up to the second date
header-status-hint = The atlas file is watched: saving it reloads the chart

## Statuses of facts

status-verified = verified
status-reference = reference text
status-inferred = inferred
status-unverified = unverified

## The side panel

details-mandate = Mandate
details-composition = Composition
details-chair = Chair
details-established = Established
details-seat = Seat
details-disputed = Disputed
details-notes = Notes
details-events = Events
details-events-after = Events after { $date }
details-sources = Sources
details-holders = Holders
details-holder-on = On { $date }: { $holder }
details-all-holders = All holders ({ $count })
details-no-name = No name in the chosen language in the sources read
details-kind-status-hint = How sure the category is
details-also = Also: { $names }
details-focus = Focus
details-focus-hint = Show only this body and its neighbours
details-centre = Centre (C)
details-close = Close (Esc)
details-legal-basis = Legal basis
details-article-hint = Show in the articles panel
details-note = Note: { $note }
details-note-heading = Note
details-relations = Relations
details-sits-under = Sits under
details-over = Over
details-later = Later (not yet set up on { $date })
details-founding-unknown = founding date not known
details-set-up-on = set up on { $date }
details-relation-hint = Read about this relation
details-this-body-start = This body
# { $kind } is the relation kind's id; languages with cases decline "this body" by it.
details-this-body = this body
details-relation-to = { $kind }
details-relation-heading = Relation: { $kind }

## Sources in the side panel

cite-key-hint = Click to go to it in the list of sources
cite-style-hint = The citation style: View → Citation style
cite-copy-all = Copy all
cite-copy-all-hint = Copy every source of this list, formatted, to the clipboard
cite-copied-sources = { $count ->
    [one] 1 source
   *[other] { $count } sources
}
cite-number-hint = { $kind }; in the atlas file, source "{ $id }"
cite-link = link
cite-copy-citation = Copy citation
cite-copied-citation = the citation
cite-copy-link = Copy link
cite-copied-link = the link
cite-open-link = Open link
cite-no-link = No link: see where to find it
copied = Copied { $what }
source-kind-official_text = official text
source-kind-official_site = official site
source-kind-reference_text = reference text
source-kind-news = news
source-kind-scholarship = scholarship
source-kind-other = other

## Messages of the window

notice-export-failed = The export failed: { $error }
status-citation-copied = Citation copied: { $citation }
status-chart-copied = Chart copied to the clipboard, { $width } × { $height } px
notice-copy-failed = Could not copy the image: { $error }
status-reloaded = Reloaded { $origin } ({ $noun ->
    [entries] { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }
    [custom] { $count } { $word }
   *[bodies] { $count ->
        [one] 1 body
       *[other] { $count } bodies
    }
})
status-opened = Opened { $origin } ({ $noun ->
    [entries] { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }
    [custom] { $count } { $word }
   *[bodies] { $count ->
        [one] 1 body
       *[other] { $count } bodies
    }
})
notice-could-not-reload = Could not reload the atlas; the one on screen stays.

    { $error }
notice-could-not-open = Could not open the atlas; the one on screen stays.

    { $error }
notice-downloaded = Downloaded { $path } ({ $bytes } bytes)
notice-wrote = Wrote { $path } ({ $bytes } bytes)

## Member states

members-heading-members = Members
members-heading-signatories = Signatories of the Treaty
members-heading-parties = Treaty parties
members-heading-mixed = Treaty parties and signatories
members-on = { $heading } on { $date }:
members-compare = Members, { $from } → { $to }:
members-no-change = no change
members-party-hint = A party to the Collective Security Treaty
members-signatory-hint = Signed the Treaty, which was not yet in force
members-still-member-hint = Still legally a member
legend-kind-hint = Click: fade the other kinds; again: hide them; again: show all
state-signatory = signatory
state-treaty_party = party to the Treaty
state-member = member
state-frozen = participation frozen
state-suspended = suspended
change-unchanged = unchanged
change-joined = joined
change-signed = signed the Treaty
change-in-force = became a party to the Treaty in force
change-became-member = became a member of the Organization
change-signed-again = signed the Treaty again
change-joined-treaty = joined the Treaty
change-joined-frozen = joined and froze its participation
change-joined-suspended = joined and was suspended
change-left = left
change-froze = froze its participation
change-suspended = was suspended
change-resumed = resumed full membership
change-party-again = became a party to the Treaty again

## The filters tab

filters-body-types = Body types
filters-showcase = Showcase: fade instead of hide
filters-showcase-hint = Filtered bodies stay in place, faded; nothing moves
filters-relations = Relations
filters-show = Show:
filters-relations-hint = Which relations the chart draws besides the reporting lines
filters-time = Time
filters-as-of-date = As of a date
filters-pause = ⏸ Pause
filters-play = ▶ Play
filters-play-hint = Run through the years
filters-repack = Repack
filters-date-unknown = Date unknown:
filters-date-unknown-hint = Bodies no source dates may not have existed yet at this date
filters-lighter = Lighter
filters-lighter-hint = Drawn lighter, dashed: may not exist yet
filters-show-undated = Show
filters-show-undated-hint = Drawn as any other body, with its n.d. mark
filters-hide = Hide
filters-hide-hint = Left out; the header says how many
filters-compare = Compare with an earlier date
filters-compare-hint = Mark the bodies established since, and list the members that changed
filters-focus = Focus
filters-narrow = Narrow
filters-widen = Widen
filters-clear-focus = Clear focus
filters-repack-hint = Lay out only the bodies shown at this date, for a tight picture. Off: every body keeps its place, so the chart grows in place as the date moves.
filters-as-of = As of
filters-compare-with = Compare with
filters-new-since = New since { $date }: marked “new”
filters-focus-how = Select a body, then “Focus” in its panel.
filters-around = Around { $name }
filters-steps = { $count ->
    [one] 1 step
   *[other] { $count } steps
}
relations-none = None
relations-selected = Of the selection
relations-all = All

## The outline

outline-by-kind = By kind
outline-by-kind-hint = Bodies under headings by kind
outline-hierarchy = Hierarchy
outline-hierarchy-hint = Each body under the body it reports to
outline-close-group = Close this group
outline-open-group = Open this group
outline-close-row = Close: hide its subordinates here
outline-open-row = Open: list its subordinates
outline-unfold-row = Unfold it on the chart and list its subordinates

## About

about-title = About CSTO Atlas
about-atlas = Atlas
about-edition = Data edition
about-checked = Sources checked to
about-not-stated = not stated
about-file = File
about-licence = Licence
about-close = Close

## Notices

notice-exporting = Exporting
notice-writing = Writing the file…
notice-opening = Opening
notice-reading = Reading and checking { $file }…
notice-problem = Problem
notice-done = Done
notice-ok = OK
notice-open-folder = Open folder
notice-open-folder-hint = Show the file in the file manager
notice-copy-path = Copy path
notice-copy-path-hint = Put the file's full path on the clipboard
about-description = An interactive org-chart atlas of the Collective Security Treaty Organization
articles-in-force = ; in force { $date }
articles-signed = Signed { $date }{ $place }{ $in_force }
members-today = today

## The date control

date-hint = YYYY-MM-DD
date-field-hint = { $label }: type a date (YYYY-MM-DD, or a year) and press Enter; Esc puts back the date shown
date-not-a-date = “{ $text }” is not a date: type YYYY-MM-DD
date-out-of-range = The atlas runs from { $start } to { $end }
date-slider-hint = { $label }: drag, or ←/→ a day and PgUp/PgDn a year
date-step-none = none
date-step-next = Next change: { $date }
date-step-previous = Previous change: { $date }

## The export dialog

export-title = Export
export-format = Format
export-scale = Scale
export-area = Area
export-whole = Whole chart
export-view = Current view
export-view-hint = The bodies in view, whole: the frame grows to the boxes it cuts
export-include = Include
export-legend = Legend and caption
export-highlights = Highlights
export-theme = Theme
export-light = Light
export-dark = Dark
export-background = Background
export-transparent = Transparent
export-outlines = As outlines
export-paper = Paper
export-page = Page
export-by-shape = By the chart's shape
export-portrait = Portrait
export-landscape = Landscape
export-file = File
export-choose = Choose…

## The open dialog

open-title = Open atlas
open-browse = Browse…
open-filter-any = Atlas or spreadsheet
open-filter-atlas = Atlas
open-filter-csv = Spreadsheet (XLSX, ODS, CSV, TSV, JSON)
open-open = Open
open-cancel = Cancel
open-choose = Choose a file…
export-highlights-hint = The selection, its neighbours and path, and search matches, as on screen (off: the picture shows only what the data says)
export-light-hint = White paper, for print and slides (the default)
export-transparent-hint = No page behind the chart (PNG and SVG)
export-text = Text
export-outlines-hint = SVG: names drawn as shapes, the same in every program, even without the Ubuntu font (an invisible copy of the text stays selectable and searchable). Off: text in the Ubuntu font, smaller and editable, but drawn wider where that font is missing
export-choose-hint = Pick the folder and name in the system's file chooser
export-no-chooser = No file chooser can be shown on this desktop (it needs an XDG desktop portal or zenity). Type the full path in the File field.
open-what = An atlas file (.ron) in the format of the built-in one, or your own chart: a spreadsheet (.csv, .tsv, .txt) or JSON with an id, a name and usually a parent column, whatever they are called.
open-what-web = An atlas file (.ron) in the format of the built-in one, or your own chart: a spreadsheet (.csv, .tsv, .txt) or JSON with an id, a name and usually a parent column, whatever they are called. From this computer.
open-path-hint = path/to/atlas.ron or .csv

## The chart's hover and empty state

hover-no-source = no source
hover-sources = sources: { $outlets }
hover-no-parent-by = No parent body: it was set up by { $by }.
hover-no-parent = No parent body.
chart-empty = No body matches the filters
minimap-hint = Overview: click or drag to move the view
about-honesty = Every fact in the atlas carries its sources and a status; unverified claims are shown as such, never as fact.
notice-folder-failed = Could not open the folder of { $path }: { $error }

## show, as text

text-kind = Kind
text-events-after = Events after { $date }
text-where = Where
established-undated = Date not documented
established-by = , by { $by }
established-in = , in { $place }
details-fields = Other columns
caption-source-file = Source: { $file }, read { $date }
chart-name = Chart
export-paper-fit = Fit to the chart
export-sheets = Sheets
export-as-poster = As a poster
export-as-poster-hint = Split the chart over as many sheets of the paper as it takes for names to print at 8 pt, each repeating 10 mm of its neighbours for gluing, with crop marks and its label (B2); the first page shows the whole chart with the grid.
export-small-print = Names would print at { $pt } pt: too small to read
export-small-print-hint = Under 6 pt a name cannot be read on paper. Choose "As a poster" to spread the chart over several sheets at 8 pt, "As a book" for the chart with the bodies' pages, or a larger paper.
format-png = PNG image
format-svg = SVG vector image
format-pdf = PDF document
format-dot = Graphviz DOT
format-json = JSON data
format-graphml = GraphML (yEd, Gephi, Cytoscape)
cite-view-selected = , { $name } selected
cite-view-edition = edition { $edition }
cite-view-edition-checked = edition { $edition }, sources checked to { $checked }
about-embedded = assets/csto.ron (embedded)
details-translated = The descriptions are the editors' translation of the atlas's English text; the sources are cited as published.
legend-other-kinds = { $count ->
    [one] 1 other kind
   *[other] { $count } other kinds
}
menu-import-settings = Import settings…
menu-import-settings-hint = How the open spreadsheet is read: which column is the id, the parent, the name, the kind…
menu-import-settings-none = The open atlas is no spreadsheet
import-title = Import { $file }
import-what = Which column plays which role. Open reads the sheet so, and this file opens so next time.
import-sheet = Sheet
import-column = Column
import-role = Role
import-sample = First values
import-role-id = ID
import-role-parent = Parent
import-role-name = Name
import-role-label2 = Second line
import-role-kind = Kind (colour)
import-role-date = Date
import-role-field = Field
import-role-ignore = Ignore
import-open = Open
import-cancel = Cancel
import-as-args = On the command line: { $args }
import-no-problems = Read this way, the sheet has no problem.
import-problems = { $count ->
    [one] 1 problem, read this way:
   *[other] { $count } problems, read this way:
}
import-problem = line { $line }: { $message }
drop-to-open = Let go to open { $file }
book-contents = Contents
book-chart = The chart
book-chart-small = At this size the names print under 6 pt, and the chart is too large to repeat here page by page: print it as a poster (export --page a4 --tiles auto, or "As a poster" in the export dialog).
book-chart-sheets = At this size names print under 6 pt: the pages after this one show the chart at 8 pt, a part of it on each (A1 is the top left, B1 to its right, A2 below it).
book-chart-sheet = The chart, part
book-bodies = The bodies
book-documents = The documents and their articles
book-members = The member states
book-events = Events
book-bibliography = Bibliography
book-edition = Edition
book-checked = Sources checked to
book-printed = Printed
book-view = View
book-kind = Kind
book-parent = Sits under
book-subordinates = Over
book-other-names = Other names
book-citing = Cited by
book-page = Page
book-made-with = Made with CSTO Atlas, typeset by typst. Every fact carries its status and its sources, numbered in the bibliography.
export-book = Book
export-as-book = As a book
export-as-book-hint = PDF: a title page, contents, the chart with every box a link, a section per body with its facts and sources, the documents, the member states, the events and the bibliography (A4 or US Letter)
export-as-book-web = The book is made by the desktop app (File → Export, or csto-atlas export --book): its typesetter and fonts would add over 6 MB to this page.
export-as-book-pdf-only = A book is a PDF: choose PDF above.

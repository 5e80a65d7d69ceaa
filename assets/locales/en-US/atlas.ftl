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

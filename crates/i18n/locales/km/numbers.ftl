# zonewatch — Khmer (km).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### Dates. A v1 date names a year, a month or a day. The variables: `$year`,
### `$month` (the month's name, below), `$mm` (the month's number, two digits),
### `$day` (the day's number) and `$dd` (two digits); a locale uses those it needs,
### in its own order. English writes ISO 8601, as the records do.

date-year = { $year }
date-month = { $month } { $year }
date-day = { $day } { $month } { $year }

## Month names, as a date writes them (English dates do not use them)

month-1 = មករា
month-2 = កុម្ភៈ
month-3 = មីនា
month-4 = មេសា
month-5 = ឧសភា
month-6 = មិថុនា
month-7 = កក្កដា
month-8 = សីហា
month-9 = កញ្ញា
month-10 = តុលា
month-11 = វិច្ឆិកា
month-12 = ធ្នូ

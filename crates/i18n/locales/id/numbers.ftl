# zonewatch — Indonesian (id).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### Dates. A v1 date names a year, a month or a day. The variables: `$year`,
### `$month` (the month's name, below), `$mm` (the month's number, two digits),
### `$day` (the day's number) and `$dd` (two digits); a locale uses those it needs,
### in its own order. English writes ISO 8601, as the records do.

date-year = { $year }
date-month = { $month } { $year }
date-day = { $day } { $month } { $year }

## Month names, as a date writes them (English dates do not use them)

month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = Mei
month-6 = Jun
month-7 = Jul
month-8 = Agu
month-9 = Sep
month-10 = Okt
month-11 = Nov
month-12 = Des

# zonewatch — Vietnamese (vi).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### Dates. A v1 date names a year, a month or a day. The variables: `$year`,
### `$month` (the month's name, below), `$mm` (the month's number, two digits),
### `$day` (the day's number) and `$dd` (two digits); a locale uses those it needs,
### in its own order. English writes ISO 8601, as the records do.

date-year = { $year }
date-month = { $mm }/{ $year }
date-day = { $dd }/{ $mm }/{ $year }

## Month names, as a date writes them (English dates do not use them)

month-1 = tháng 1
month-2 = tháng 2
month-3 = tháng 3
month-4 = tháng 4
month-5 = tháng 5
month-6 = tháng 6
month-7 = tháng 7
month-8 = tháng 8
month-9 = tháng 9
month-10 = tháng 10
month-11 = tháng 11
month-12 = tháng 12

# zonewatch — Burmese (my).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### Dates. A v1 date names a year, a month or a day. The variables: `$year`,
### `$month` (the month's name, below), `$mm` (the month's number, two digits),
### `$day` (the day's number) and `$dd` (two digits); a locale uses those it needs,
### in its own order. English writes ISO 8601, as the records do.

date-year = { $year }
date-month = { $year } { $month }
date-day = { $year } { $month } { $day }

## Month names, as a date writes them (English dates do not use them)

month-1 = ဇန်
month-2 = ဖေ
month-3 = မတ်
month-4 = ဧ
month-5 = မေ
month-6 = ဇွန်
month-7 = ဇူ
month-8 = ဩ
month-9 = စက်
month-10 = အောက်
month-11 = နို
month-12 = ဒီ

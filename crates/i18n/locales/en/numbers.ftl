# zonewatch — English (en), the source language.
# Written by the zonewatch developers; every other locale translates these keys.

### Dates. A v1 date names a year, a month or a day. The variables: `$year`,
### `$month` (the month's name, below), `$mm` (the month's number, two digits),
### `$day` (the day's number) and `$dd` (two digits); a locale uses those it needs,
### in its own order. English writes ISO 8601, as the records do.

date-year = { $year }
date-month = { $year }-{ $mm }
date-day = { $year }-{ $mm }-{ $dd }

## Month names, as a date writes them (English dates do not use them)

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

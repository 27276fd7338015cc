# zonewatch — Thai (th).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### วันที่ (ปฏิทินเกรกอเรียน ตามที่ระเบียนบันทึก)

date-year = { $year }
date-month = { $month } { $year }
date-day = { $day } { $month } { $year }

## ชื่อเดือนแบบย่อ

month-1 = ม.ค.
month-2 = ก.พ.
month-3 = มี.ค.
month-4 = เม.ย.
month-5 = พ.ค.
month-6 = มิ.ย.
month-7 = ก.ค.
month-8 = ส.ค.
month-9 = ก.ย.
month-10 = ต.ค.
month-11 = พ.ย.
month-12 = ธ.ค.

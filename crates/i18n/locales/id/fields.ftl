# zonewatch — Indonesian (id).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The field table (crates/model/src/fields.rs): a label per field, `-help` where a
### field says how to write it, and a label per vocabulary value.


## source

field-source-id = Id
field-source-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-source-title = Judul
field-source-type = Jenis
field-source-url = URL
field-source-date = Tanggal
field-source-date-help = YYYY, YYYY-MM atau YYYY-MM-DD
field-source-publisher = Penerbit
field-source-sha256 = SHA-256 salinan arsip
field-source-sources = Sumber
field-source-sources-help = id sumber, dipisahkan koma
field-source-sensitivity = Sensitivitas

## organization

field-organization-id = Id
field-organization-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-organization-name = Nama
field-organization-type = Jenis
field-organization-aliases = Nama lain
field-organization-aliases-help = dipisahkan koma
field-organization-country = Negara
field-organization-country-help = ISO 3166-1 alpha-2, mis. KH
field-organization-sources = Sumber
field-organization-sources-help = id sumber, dipisahkan koma
field-organization-sensitivity = Sensitivitas

## site

field-site-id = Id
field-site-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-site-name = Nama
field-site-category = Kategori
field-site-country = Negara
field-site-country-help = ISO 3166-1 alpha-2, mis. KH
field-site-admin1 = Provinsi / negara bagian
field-site-admin2 = Kabupaten / kota
field-site-lat = Lintang
field-site-lon = Bujur
field-site-former_use = Penggunaan sebelumnya
field-site-aliases = Nama lain
field-site-aliases-help = dipisahkan koma
field-site-operators = Pengelola
field-site-operators-help = id organisasi, dipisahkan koma
field-site-sources = Sumber
field-site-sources-help = id sumber, dipisahkan koma
field-site-sensitivity = Sensitivitas

## site_status

field-site_status-id = Id
field-site_status-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-site_status-site = Lokasi
field-site_status-date = Tanggal
field-site_status-date-help = YYYY, YYYY-MM atau YYYY-MM-DD
field-site_status-status = Status
field-site_status-basis = Dasar
field-site_status-relocated_to = Pindah ke
field-site_status-note = Catatan
field-site_status-sources = Sumber
field-site_status-sources-help = id sumber, dipisahkan koma
field-site_status-sensitivity = Sensitivitas

## intervention

field-intervention-id = Id
field-intervention-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-intervention-site = Lokasi
field-intervention-date = Tanggal
field-intervention-date-help = YYYY, YYYY-MM atau YYYY-MM-DD
field-intervention-type = Jenis
field-intervention-agencies = Lembaga
field-intervention-agencies-help = id organisasi, dipisahkan koma
field-intervention-persons_removed = Orang yang dikeluarkan
field-intervention-persons_arrested = Orang yang ditangkap
field-intervention-note = Catatan
field-intervention-sources = Sumber
field-intervention-sources-help = id sumber, dipisahkan koma
field-intervention-sensitivity = Sensitivitas

## person

field-person-id = Id
field-person-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-person-alias = Alias
field-person-alias-help = nama samaran, bukan nama resmi
field-person-roles = Peran
field-person-roles-help = dipisahkan koma: survivor, victim, witness, perpetrator, recruiter
field-person-nationality = Kewarganegaraan
field-person-nationality-help = ISO 3166-1 alpha-2, mis. KH
field-person-gender = Jenis kelamin
field-person-age_at_entry = Usia saat direkrut atau pertama kali ditahan
field-person-recruitment-channel = Direkrut melalui
field-person-recruitment-promised_job = Pekerjaan yang dijanjikan
field-person-recruitment-promised_salary_usd = Gaji yang dijanjikan (USD per bulan)
field-person-recruitment-date = Tanggal direkrut
field-person-recruitment-date-help = YYYY, YYYY-MM atau YYYY-MM-DD
field-person-recruitment-ad = Iklan perekrutan
field-person-custody = Ditahan di
field-person-custody-help = satu masa penahanan per baris: `site id; from; to` (tanggal boleh dikosongkan)
field-person-exit = Cara keluar
field-person-pii-legal_name = Nama resmi
field-person-pii-date_of_birth = Tanggal lahir
field-person-pii-date_of_birth-help = YYYY, YYYY-MM atau YYYY-MM-DD
field-person-pii-contact = Kontak
field-person-pii-document_numbers = Nomor dokumen
field-person-pii-document_numbers-help = dipisahkan koma
field-person-pii-address = Alamat
field-person-sources = Sumber
field-person-sources-help = id sumber, dipisahkan koma
field-person-sensitivity = Sensitivitas

## testimony

field-testimony-id = Id
field-testimony-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-testimony-person = Orang
field-testimony-date = Tanggal wawancara
field-testimony-date-help = YYYY, YYYY-MM atau YYYY-MM-DD
field-testimony-consent = Persetujuan
field-testimony-language = Bahasa
field-testimony-language-help = BCP 47, mis. km atau zh-Hans
field-testimony-interviewer = Pewawancara
field-testimony-transcript = Transkrip
field-testimony-findings = Temuan
field-testimony-findings-help = satu per baris: `code; site id; date; note` (semua kecuali kode boleh dikosongkan)
field-testimony-sources = Sumber
field-testimony-sources-help = id sumber, dipisahkan koma
field-testimony-sensitivity = Sensitivitas

## incident

field-incident-id = Id
field-incident-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-incident-type = Jenis
field-incident-date = Tanggal
field-incident-date-help = YYYY, YYYY-MM atau YYYY-MM-DD
field-incident-site = Lokasi
field-incident-victims = Korban
field-incident-victims-help = id orang, dipisahkan koma
field-incident-perpetrators = Pelaku
field-incident-perpetrators-help = id orang atau organisasi, dipisahkan koma
field-incident-testimony = Kesaksian
field-incident-description = Deskripsi
field-incident-sources = Sumber
field-incident-sources-help = id sumber, dipisahkan koma
field-incident-sensitivity = Sensitivitas

## ad

field-ad-id = Id
field-ad-id-help = 1 sampai 128 karakter A-Z a-z 0-9 . _ : -
field-ad-platform = Platform
field-ad-text = Teks
field-ad-url = URL
field-ad-posted = Diunggah
field-ad-posted-help = YYYY, YYYY-MM atau YYYY-MM-DD
field-ad-language = Bahasa
field-ad-language-help = BCP 47, mis. km atau zh-Hans
field-ad-sources = Sumber
field-ad-sources-help = id sumber, dipisahkan koma
field-ad-sensitivity = Sensitivitas

## values

value-agency = Lembaga
value-anonymous_use = Penggunaan anonim
value-beating = Pemukulan
value-casino = Kasino
value-child_labour = Pekerja anak
value-closed = Ditutup
value-closure_order = Perintah penutupan
value-company = Perusahaan
value-confinement = Penyekapan
value-court_record = Catatan pengadilan
value-criminal_group = Kelompok kriminal
value-death = Kematian
value-debt_bondage = Jeratan utang
value-deported = Dideportasi
value-died = Meninggal
value-document_confiscation = Penyitaan dokumen
value-electric_shock = Sengatan listrik
value-escaped = Melarikan diri
value-facebook = Facebook
value-female = Perempuan
value-field_visit = Kunjungan lapangan
value-forced_criminality = Pemaksaan melakukan kejahatan
value-government = Pemerintah
value-government_agency = Instansi pemerintah
value-government_data = Data pemerintah
value-hotel = Hotel
value-industrial = Industri
value-inspection = Inspeksi
value-instagram = Instagram
value-internal = Internal
value-internal_only = Hanya internal
value-interview = Wawancara
value-job_board = Situs lowongan kerja
value-law_enforcement = Penegak hukum
value-line = LINE
value-male = Laki-laki
value-media = Media
value-ngo = LSM
value-ngo_data = Data LSM
value-office = Kantor
value-operating = Beroperasi
value-other = Lainnya
value-perpetrator = Pelaku
value-personal_contact = Kenalan pribadi
value-platform = Platform
value-public = Publik
value-public_use = Penggunaan publik
value-raid = Penggerebekan
value-ransom_paid = Tebusan dibayar
value-recruiter = Perekrut
value-released = Dibebaskan
value-relocated = Pindah lokasi
value-report = Laporan
value-rescue = Penyelamatan
value-rescued = Diselamatkan
value-residential = Permukiman
value-restricted = Terbatas
value-sale_or_transfer = Penjualan atau pemindahan
value-satellite_imagery = Citra satelit
value-scam_compound = Kompleks penipuan
value-sexual_violence = Kekerasan seksual
value-social_media = Media sosial
value-sold_or_transferred = Dijual atau dipindahkan
value-special_economic_zone = Kawasan ekonomi khusus
value-still_held = Masih ditahan
value-survivor = Penyintas
value-suspected_site = Lokasi yang dicurigai
value-telegram = Telegram
value-testimony = Kesaksian
value-threat = Ancaman
value-tiktok = TikTok
value-torture = Penyiksaan
value-under_construction = Sedang dibangun
value-unknown = Tidak diketahui
value-victim = Korban
value-wechat = WeChat
value-whatsapp = WhatsApp
value-withdrawn = Ditarik
value-withheld_wages = Upah ditahan
value-witness = Saksi
value-x = X

## Record kinds: a name, and a plural for lists

kind-source = Sumber
kind-source-plural = Sumber
kind-organization = Organisasi
kind-organization-plural = Organisasi
kind-site = Lokasi
kind-site-plural = Lokasi
kind-site_status = Status lokasi
kind-site_status-plural = Status lokasi
kind-intervention = Intervensi
kind-intervention-plural = Intervensi
kind-person = Orang
kind-person-plural = Orang
kind-testimony = Kesaksian
kind-testimony-plural = Kesaksian
kind-incident = Insiden
kind-incident-plural = Insiden
kind-ad = Iklan
kind-ad-plural = Iklan

## Countries (ISO 3166-1 alpha-2), short names

country-AF = Afganistan
country-AU = Australia
country-BD = Bangladesh
country-BN = Brunei
country-BR = Brasil
country-BT = Bhutan
country-CA = Kanada
country-CM = Kamerun
country-CN = Tiongkok
country-CZ = Ceko
country-DE = Jerman
country-EG = Mesir
country-ER = Eritrea
country-ET = Etiopia
country-FR = Prancis
country-GB = Britania Raya
country-GH = Ghana
country-HK = Hong Kong
country-ID = Indonesia
country-IN = India
country-IR = Iran
country-JP = Jepang
country-KE = Kenya
country-KG = Kirgizstan
country-KH = Kamboja
country-KR = Korea Selatan
country-KZ = Kazakhstan
country-LA = Laos
country-LK = Sri Lanka
country-MA = Maroko
country-MM = Myanmar
country-MN = Mongolia
country-MO = Makau
country-MY = Malaysia
country-NG = Nigeria
country-NP = Nepal
country-NZ = Selandia Baru
country-PH = Filipina
country-PK = Pakistan
country-RU = Rusia
country-SG = Singapura
country-TH = Thailand
country-TJ = Tajikistan
country-TL = Timor Leste
country-TR = Turki
country-TW = Taiwan
country-TZ = Tanzania
country-UA = Ukraina
country-UG = Uganda
country-US = Amerika Serikat
country-UZ = Uzbekistan
country-VN = Vietnam
country-ZA = Afrika Selatan

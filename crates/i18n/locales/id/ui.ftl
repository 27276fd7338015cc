# zonewatch — Indonesian (id).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The web application (`zonewatch serve`): the words of every page.

## Around every page

nav-dashboard = Dasbor
nav-sites = Lokasi
nav-records = Catatan
nav-evidence = Bukti
nav-report = Laporan
nav-search = Cari
nav-search-placeholder = Cari nama, alias, iklan
nav-account = Akun
nav-tokens = Token
nav-logout = Keluar
role-admin = admin
role-investigator = penyidik
role-analyst = analis
role-viewer = pembaca
error-title = Galat

## Logging in

login-title = Masuk
login-user = Nama pengguna
login-password = Kata sandi
login-form-expired = formulir kedaluwarsa atau tidak berasal dari situs ini: coba lagi
login-too-many = terlalu banyak upaya masuk yang gagal dari sini: tunggu 15 menit
login-wrong = nama pengguna atau kata sandi salah

## The account page

account-title = Akun
account-logged-in-as = Masuk sebagai { $name }, peran { $role }.
account-must-change = Administrator memilihkan kata sandi Anda: pilih kata sandi Anda sendiri sebelum melanjutkan.
account-changed = Kata sandi Anda telah diubah, dan sesi Anda yang lain telah diakhiri.
account-language = Bahasa
account-language-label = Bahasa halaman dan laporan
account-language-browser = Sesuai permintaan peramban saya
account-language-hint = Disimpan di peramban ini (cookie). Tautan dengan ?lang= menampilkan satu halaman dalam bahasa lain.
account-language-save = Simpan bahasa
account-language-saved = Bahasa Anda telah disimpan.
account-change-password = Ubah kata sandi
account-current-password = Kata sandi saat ini
account-new-password = Kata sandi baru
account-new-password-again = Ulangi kata sandi baru
account-password-hint = Minimal 10 karakter. Sesi Anda yang lain berakhir saat kata sandi diubah.
account-change-password-button = Ubah kata sandi
account-too-many = terlalu banyak kata sandi salah: tunggu 15 menit
account-enter-current = masukkan kata sandi Anda saat ini
account-passwords-differ = kedua kata sandi baru berbeda
account-current-wrong = kata sandi saat ini salah

## API tokens (admins)

tokens-title = Token API
tokens-made-with = Dibuat dengan
tokens-intro = ; hanya SHA-256-nya yang disimpan, dan id-nya adalah 12 digit pertamanya. Token yang dicabut langsung ditolak.
tokens-none = Tidak ada token.
tokens-user = Pengguna
tokens-created = Dibuat
tokens-last-used = Terakhir dipakai
tokens-never = belum pernah
tokens-revoke = Cabut
tokens-revoked = Token { $id } telah dicabut: mulai sekarang ditolak.

## The dashboard

dash-public-note = Angka publik: jumlah orang dan insiden di bawah 5 ditampilkan sebagai <5.
dash-reports = Laporan
dash-internal = Internal:
dash-html-charts = HTML, dengan grafik dan metode
dash-download-html = unduh HTML
dash-public = Publik (jumlah kecil disembunyikan, tanpa daftar orang):
dash-fig-scam-compounds = kompleks penipuan
dash-fig-suspected-sites = lokasi yang dicurigai
dash-fig-raided = lokasi yang digerebek atau diselamatkan
dash-fig-operating-after = beroperasi setelah intervensi
dash-fig-not-operating-after = tidak beroperasi setelahnya
dash-fig-uncertain = belum pasti
dash-fig-unobserved = tidak teramati sejak itu
dash-fig-survivors = penyintas yang diwawancarai
dash-fig-minors = anak yang diwawancarai
dash-fig-deaths = kematian
dash-fig-trafficking = indikasi perdagangan orang
dash-fig-forced-labour = indikasi kerja paksa

## Sites

sites-new = Lokasi baru
sites-any = semua
sites-province = Provinsi
sites-filter = Saring
sites-count = { $count } lokasi.
site-id = id
site-country = { $name } ({ $code })
site-edit = Ubah lokasi
site-add-status = Tambah pengamatan status
site-add-intervention = Tambah intervensi
site-timeline = Status dan intervensi
site-timeline-role = Lini masa memerlukan peran analis atau lebih tinggi.
site-record = Catatan

## Records: lists, pages and forms

records-title = Catatan: { $kind }
records-filter = Nama, alias, atau judul memuat
records-new = Baru
records-id = Id
records-name = Nama
records-date = Tanggal
records-sensitivity = Sensitivitas
records-next = Halaman berikutnya
record-withheld = Catatan ini memiliki kolom terbatas yang tidak ditampilkan: peran Anda tidak boleh membacanya, atau server dijalankan tanpa frasa sandi.
record-edit = Ubah
record-legal-tests = Uji hukum
record-evidence = Berkas bukti
form-new = { $kind } baru
form-edit = Ubah { $kind } { $id }
form-restricted = terbatas
form-save = Simpan

## Search

search-title = Cari
search-label = Kata dalam nama, alias, judul, deskripsi, catatan, dan teks iklan
search-button = Cari
search-restricted-note = Kolom terbatas (nama resmi, transkrip, teks bebas catatan terbatas) tidak pernah dicari.
search-nothing = Tidak ada yang cocok dengan semua kata.
search-kind = Jenis
search-found-in = Ditemukan di
search-limited = Hanya { $count } hasil pertama yang ditampilkan: tambahkan kata untuk mempersempit pencarian.

## Evidence

evidence-title = Bukti
evidence-for = untuk
evidence-intro = Berkas disimpan seperti saat dikumpulkan, dengan SHA-256 yang dihitung saat dimasukkan. Berkas orang, kesaksian, dan catatan terbatas disegel dan dirujuk dengan hash berkunci.
evidence-none = Tidak ada berkas bukti.
evidence-record = Catatan
evidence-sealed-column = Disegel
evidence-sealed = disegel
evidence-open = terbuka
evidence-stored = Penyimpanan
evidence-file-name = Nama berkas
evidence-sha256 = SHA-256 saat dimasukkan
evidence-size = Ukuran
evidence-bytes = { $count } bita
evidence-collected-by = Dikumpulkan oleh
evidence-collected-at = Dikumpulkan pada
evidence-note = Catatan
evidence-metadata = Metadata
evidence-metadata-sealed = disegel: peran Anda tidak boleh membukanya, atau server dijalankan tanpa frasa sandi
evidence-download = Unduh berkas asli
evidence-download-note = (dicatat dalam rantai pengawasan)
evidence-custody = Rantai pengawasan
evidence-time = Waktu
evidence-who = Siapa
evidence-event = Peristiwa
evidence-audit-hash = Hash audit
evidence-add = Tambah berkas
evidence-record-id = Id catatan
evidence-file = Berkas
evidence-add-button = Tambah

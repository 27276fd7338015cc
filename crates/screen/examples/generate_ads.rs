//! Generates FICTIONAL recruitment ads in the eight supported languages, as JSON Lines
//! `{"id", "text", "label"}` with label `lure` or `legit`. Seeded: the same arguments
//! give the same file. Every company, handle, number and wallet is made up; the texts
//! are assembled from phrase lists written for this generator, not copied from posts.
//!
//!     cargo run --release -p zonewatch-screen --example generate_ads -- COUNT SEED [LURE_SHARE [plain]] > ads.jsonl
//!
//! Lures carry a random subset of the advisories' signs (so some are subtle); legit
//! ads are ordinary vacancies at market pay, and some of them mention the same
//! places, languages, urgency or messengers (hard negatives). Recruiters come from a
//! pool, so their contacts repeat across ads as they do in real feeds.

use std::io::{self, BufWriter, Write};
use zonewatch_screen::wallet;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 * 1.0 < p
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
    fn handle(&mut self) -> String {
        let syll = [
            "hr", "job", "asia", "kk", "star", "sun", "lucky", "team", "vip", "work", "care",
            "global", "win", "gold", "ok",
        ];
        let mut s = String::new();
        for i in 0..2 + self.below(2) {
            if i > 0 && self.chance(0.5) {
                s.push('_');
            }
            s.push_str(syll[self.below(syll.len())]);
        }
        let n = 2 + self.below(3);
        s.push_str(&self.digits(n));
        s
    }
}

struct Recruiter {
    telegram: String,
    phone: String,
    wechat: String,
    line: String,
    wallet: String,
}

fn recruiter(rng: &mut Rng) -> Recruiter {
    let phone = match rng.below(6) {
        0 => format!(
            "+855 {} {} {}",
            rng.pick(&["12", "17", "77", "92", "96"]),
            rng.digits(3),
            rng.digits(3)
        ),
        1 => format!(
            "+66 {}{} {} {}",
            rng.pick(&["8", "9", "6"]),
            rng.below(10),
            rng.digits(3),
            rng.digits(4)
        ),
        2 => format!("+84 9{} {} {}", rng.below(10), rng.digits(3), rng.digits(4)),
        3 => format!(
            "+62 81{} {} {}",
            rng.below(10),
            rng.digits(4),
            rng.digits(4)
        ),
        4 => format!("+63 9{} {} {}", rng.digits(2), rng.digits(3), rng.digits(4)),
        _ => format!(
            "+95 9 {} {} {}",
            rng.digits(3),
            rng.digits(3),
            rng.digits(3)
        ),
    };
    let hash: [u8; 20] = std::array::from_fn(|_| rng.next() as u8);
    Recruiter {
        telegram: rng.handle(),
        phone,
        wechat: format!("wx{}", rng.handle()),
        line: rng.handle().replace('_', "."),
        wallet: wallet::tron_address(&hash),
    }
}

/// Phrases for one language.
struct Lang {
    code: &'static str,
    open: &'static [&'static str],
    role: &'static [&'static str],
    pay: fn(&mut Rng) -> String,
    no_exp: &'static [&'static str],
    costs: &'static [&'static str],
    place: &'static [&'static str],
    urgent: &'static [&'static str],
    age: fn(u32, u32) -> String,
    lang: &'static [&'static str],
    tourist: &'static [&'static str],
    contact: fn(&mut Rng, &Recruiter) -> String,
    legit: fn(&mut Rng) -> String,
    sep: &'static str,
}

fn amount(rng: &mut Rng, lo: u32, hi: u32, step: u32) -> u32 {
    lo + (rng.below(((hi - lo) / step) as usize + 1) as u32) * step
}

fn thousands(n: u32, sep: char) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn to_script(s: &str, zero: char) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(zero as u32 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

const EN: Lang = Lang {
    code: "en",
    open: &[
        "Hiring now!",
        "Job opportunity abroad",
        "We are hiring",
        "Big company hiring",
        "Work overseas, good life",
    ],
    role: &[
        "customer service staff",
        "typist",
        "data entry staff",
        "online sales team",
        "game tester",
        "chat support agents",
        "telesales staff",
    ],
    pay: |r| match r.below(3) {
        0 => format!(
            "Salary ${}-${} per month",
            thousands(amount(r, 1000, 2000, 100), ','),
            thousands(amount(r, 2500, 5000, 500), ',')
        ),
        1 => format!(
            "Basic salary {} USD/month + commission",
            thousands(amount(r, 900, 3000, 100), ',')
        ),
        _ => format!("Earn ${} a day", amount(r, 50, 150, 10)),
    },
    no_exp: &[
        "No experience needed",
        "No experience required, training provided",
        "Easy job, anyone can apply",
    ],
    costs: &[
        "Free flights and accommodation",
        "Visa provided, free food",
        "All expenses paid",
        "Air ticket provided, free housing",
    ],
    place: &[
        "Location: Sihanoukville, Cambodia",
        "Work in Phnom Penh",
        "Based in Myawaddy, Myanmar",
        "Office in the Golden Triangle SEZ, Laos",
        "Work in a neighbouring country",
        "Company in Poipet",
        "Manila, Philippines",
        "Transit via Mae Sot",
    ],
    urgent: &[
        "URGENT hiring",
        "Depart immediately",
        "Limited slots, apply ASAP",
        "Fly next week",
    ],
    age: |a, b| format!("Age {a}-{b}"),
    lang: &[
        "Good English required",
        "Chinese speakers welcome",
        "Must speak English",
        "Fluent Mandarin a plus",
    ],
    tourist: &[
        "Travel on a tourist visa",
        "We keep your passport for the work permit",
    ],
    contact: |r, c| match r.below(4) {
        0 => format!("Contact Telegram: @{}", c.telegram),
        1 => format!("WhatsApp {}", c.phone),
        2 => format!("DM me on t.me/{}", c.telegram),
        _ => format!("Apply: Telegram @{} / WhatsApp {}", c.telegram, c.phone),
    },
    legit: |r| {
        let job = r.pick(&[
            "accountant",
            "nurse",
            "warehouse supervisor",
            "primary school teacher",
            "electrician",
            "receptionist",
            "customer service officer",
            "hotel front desk agent",
        ]);
        let city = r.pick(&[
            "Singapore",
            "Kuala Lumpur",
            "Bangkok",
            "Phnom Penh",
            "Manila",
            "Ho Chi Minh City",
            "Jakarta",
            "Yangon",
        ]);
        format!(
            "{} is looking for a {job} in {city}. Requirements: {} years of experience, relevant degree, references. Salary {} - {} USD per month depending on experience. {} Apply with CV to careers@{}.example.com by {} {}.",
            r.pick(&["Riverside Clinic", "Lotus Logistics", "Green Valley School", "Harbour Hotel", "Mekong Trading Co.", "Northstar Engineering"]),
            1 + r.below(5),
            amount(r, 300, 600, 50),
            amount(r, 650, 900, 50),
            r.pick(&["Health insurance and annual leave.", "Urgent: position starts next month.", "English speakers preferred.", "Contact our HR office for details.", "Interviews held in person at our office."]),
            r.pick(&["riverside", "lotuslog", "greenvalley", "harbourhotel", "mekongtrade", "northstar"]),
            1 + r.below(28),
            r.pick(&["March", "April", "June", "September"])
        )
    },
    sep: ". ",
};

const ZH: Lang = Lang {
    code: "zh",
    open: &["高薪招聘", "海外工作机会", "招聘啦", "誠聘", "高薪誠聘"],
    role: &[
        "客服",
        "打字员",
        "打字員",
        "数据录入",
        "網絡銷售",
        "游戏测试",
        "電銷",
    ],
    pay: |r| match r.below(3) {
        0 => format!("月薪{}-{}万", 1 + r.below(2), 3 + r.below(3)),
        1 => format!("底薪{}元", thousands(amount(r, 10000, 30000, 1000), ',')),
        _ => format!("月薪{}U", amount(r, 1500, 5000, 500)),
    },
    no_exp: &["无需经验", "無需經驗", "小白可做，包教包会", "经验不限"],
    costs: &[
        "包吃住",
        "包機票",
        "包吃住包机票",
        "报销机票，包签证",
        "免費住宿",
    ],
    place: &[
        "地点：柬埔寨西港",
        "工作地点緬甸妙瓦底",
        "金三角特区",
        "菲律宾马尼拉",
        "金邊",
        "老撾金三角",
        "东南亚",
    ],
    urgent: &["急招", "急聘", "名额有限", "随时出发", "馬上出發"],
    age: |a, b| format!("年龄{a}-{b}岁"),
    lang: &["会英语优先", "會中文即可", "会打字"],
    tourist: &["旅游签出境", "護照由公司保管"],
    contact: |r, c| match r.below(3) {
        0 => format!("联系飞机：@{}", c.telegram),
        1 => format!("微信：{}", c.wechat),
        _ => format!("電報 @{} 微信 {}", c.telegram, c.wechat),
    },
    legit: |r| {
        format!(
            "{}招聘{}，要求{}年以上工作经验，大专以上学历，月薪{}-{}元，五险一金，双休。简历请发送至 hr@{}.example.cn",
            r.pick(&["上海某贸易公司", "深圳科技有限公司", "广州物流公司", "台北會計師事務所", "杭州电商公司"]),
            r.pick(&["会计", "行政助理", "仓库管理员", "客服专员", "软件工程师", "護士"]),
            1 + r.below(5),
            amount(r, 4000, 6000, 500),
            amount(r, 6500, 9000, 500),
            r.pick(&["shmaoyi", "szkeji", "gzwuliu", "hzdianshang"])
        )
    },
    sep: "，",
};

const TH: Lang = Lang {
    code: "th",
    open: &["รับสมัครงานต่างประเทศ", "งานดี รายได้สูง", "ประกาศรับสมัคร"],
    role: &[
        "แอดมิน",
        "ฝ่ายบริการลูกค้า",
        "พนักงานพิมพ์",
        "คีย์ข้อมูล",
        "ขายออนไลน์",
        "ทดสอบเกม",
    ],
    pay: |r| match r.below(3) {
        0 => format!(
            "เงินเดือน {} บาท",
            thousands(amount(r, 35000, 90000, 5000), ',')
        ),
        1 => format!("เงินเดือน {} หมื่น", 4 + r.below(6)),
        _ => format!(
            "รายได้วันละ {} บาท",
            thousands(amount(r, 1500, 4000, 500), ',')
        ),
    },
    no_exp: &[
        "ไม่ต้องมีประสบการณ์",
        "ไม่จำเป็นต้องมีประสบการณ์ มีสอนงานให้",
        "งานง่าย ไม่จำกัดวุฒิ",
    ],
    costs: &["ที่พักฟรี อาหารฟรี", "ฟรีค่าตั๋วเครื่องบิน", "ทำวีซ่าให้", "มีที่พักให้"],
    place: &[
        "ทำงานที่ปอยเปต",
        "ประเทศกัมพูชา",
        "เมียวดี",
        "แม่สอด",
        "สามเหลี่ยมทองคำ",
        "ประเทศเพื่อนบ้าน",
        "พนมเปญ",
    ],
    urgent: &["รับด่วน", "ด่วนมาก", "เดินทางได้ทันที", "รับจำนวนจำกัด"],
    age: |a, b| format!("อายุ {a}-{b} ปี"),
    lang: &["ภาษาอังกฤษพอได้", "พูดภาษาจีนได้"],
    tourist: &["ใช้วีซ่าท่องเที่ยว", "บริษัทเก็บพาสปอร์ต"],
    contact: |r, c| match r.below(3) {
        0 => format!("สนใจทักไลน์ : {}", c.line),
        1 => format!("ติดต่อ เทเลแกรม @{}", c.telegram),
        _ => format!("โทร {}", c.phone),
    },
    legit: |r| {
        format!(
            "{} รับสมัคร{} ประจำสาขา{} วุฒิปริญญาตรี มีประสบการณ์ {} ปีขึ้นไป เงินเดือน {} - {} บาท ประกันสังคม โบนัสประจำปี ส่งใบสมัครที่ hr@{}.example.co.th",
            r.pick(&["บริษัท สยามโลจิสติกส์ จำกัด", "โรงแรมริมน้ำ", "โรงพยาบาลสุขใจ", "ห้างหุ้นส่วนจำกัด ทองดี"]),
            r.pick(&["พนักงานบัญชี", "พยาบาล", "ช่างไฟฟ้า", "พนักงานต้อนรับ", "ฝ่ายบริการลูกค้า"]),
            r.pick(&["กรุงเทพฯ", "เชียงใหม่", "ขอนแก่น", "ชลบุรี"]),
            1 + r.below(4),
            thousands(amount(r, 13000, 18000, 1000), ','),
            thousands(amount(r, 19000, 25000, 1000), ','),
            r.pick(&["siamlog", "rimnam", "sukjai", "thongdee"])
        )
    },
    sep: " ",
};

const VI: Lang = Lang {
    code: "vi",
    open: &[
        "Tuyển dụng việc làm nước ngoài",
        "Việc nhẹ lương cao",
        "Cơ hội việc làm",
    ],
    role: &[
        "nhân viên CSKH",
        "nhân viên nhập liệu",
        "đánh máy",
        "bán hàng online",
        "thử game",
        "trực page",
    ],
    pay: |r| match r.below(3) {
        0 => format!(
            "lương {}-{} triệu/tháng",
            amount(r, 18, 30, 2),
            amount(r, 35, 60, 5)
        ),
        1 => format!(
            "Lương {} VNĐ",
            thousands(amount(r, 20, 50, 5) * 1_000_000, '.')
        ),
        _ => format!(
            "lương {}$/tháng",
            thousands(amount(r, 1000, 2500, 100), '.')
        ),
    },
    no_exp: &[
        "không cần kinh nghiệm",
        "Không yêu cầu kinh nghiệm, được đào tạo",
    ],
    costs: &["bao ăn ở", "bao vé máy bay", "lo visa", "miễn phí chỗ ở"],
    place: &[
        "làm việc tại Campuchia",
        "Bavet",
        "Phnom Penh",
        "Myanmar",
        "Lào",
        "Tam Giác Vàng",
        "Philippines",
    ],
    urgent: &["Tuyển gấp", "cần gấp", "đi ngay", "số lượng có hạn"],
    age: |a, b| format!("độ tuổi {a}-{b}"),
    lang: &["biết tiếng Trung là lợi thế", "giao tiếp tiếng Anh cơ bản"],
    tourist: &["đi bằng visa du lịch", "công ty giữ hộ chiếu"],
    contact: |r, c| match r.below(3) {
        0 => format!("Liên hệ Tele @{}", c.telegram),
        1 => format!("inbox hoặc gọi {}", c.phone),
        _ => format!("Telegram: t.me/{}", c.telegram),
    },
    legit: |r| {
        format!(
            "{} tuyển {} làm việc tại {}, yêu cầu tốt nghiệp cao đẳng, {} năm kinh nghiệm. Mức lương {} - {} triệu đồng, đóng bảo hiểm đầy đủ. Nộp hồ sơ qua email tuyendung@{}.example.vn",
            r.pick(&["Công ty TNHH Sao Mai", "Ngân hàng Đông Á giả định", "Khách sạn Hoa Sen", "Công ty Cổ phần Minh Long"]),
            r.pick(&["kế toán", "lễ tân", "nhân viên kho", "chăm sóc khách hàng", "kỹ sư điện"]),
            r.pick(&["Hà Nội", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"]),
            1 + r.below(4),
            amount(r, 7, 9, 1),
            amount(r, 10, 14, 1),
            r.pick(&["saomai", "hoasen", "minhlong"])
        )
    },
    sep: ", ",
};

const MS: Lang = Lang {
    code: "ms",
    open: &[
        "Lowongan kerja luar negeri",
        "Peluang kerja",
        "Jawatan kosong",
    ],
    role: &[
        "admin online",
        "customer service",
        "entri data",
        "penjualan online",
        "penguji game",
        "khidmat pelanggan",
    ],
    pay: |r| match r.below(3) {
        0 => format!(
            "gaji {}-{} juta/bulan",
            amount(r, 12, 20, 1),
            amount(r, 22, 40, 2)
        ),
        1 => format!(
            "Gaji RM{} sebulan",
            thousands(amount(r, 5000, 12000, 500), ',')
        ),
        _ => format!(
            "gaji Rp {} per bulan",
            thousands(amount(r, 15, 35, 1) * 1_000_000, '.')
        ),
    },
    no_exp: &[
        "tanpa pengalaman",
        "tidak perlu pengalaman, akan dilatih",
        "kerja mudah",
    ],
    costs: &[
        "tiket pesawat ditanggung",
        "makan dan mess gratis",
        "visa ditanggung",
        "penginapan percuma",
    ],
    place: &[
        "penempatan Kamboja",
        "Myanmar",
        "Filipina",
        "Laos",
        "negara tetangga",
        "Phnom Penh",
    ],
    urgent: &["dibutuhkan segera", "berangkat segera", "kuota terbatas"],
    age: |a, b| format!("usia {a}-{b} tahun"),
    lang: &["bisa bahasa Inggris", "fasih bahasa Mandarin"],
    tourist: &[
        "masuk dengan visa pelancong",
        "paspor disimpan oleh majikan",
    ],
    contact: |r, c| match r.below(3) {
        0 => format!("WA: wa.me/{}", c.phone.replace([' ', '+'], "")),
        1 => format!("hubungi Telegram @{}", c.telegram),
        _ => format!("WhatsApp {}", c.phone),
    },
    legit: |r| {
        format!(
            "{} membuka lowongan {} di {}. Syarat: pendidikan minimal D3, pengalaman {} tahun. Gaji {} - {} juta per bulan, BPJS. Kirim lamaran ke hrd@{}.example.co.id",
            r.pick(&["PT Sinar Abadi", "Klinik Sehat Sentosa", "Hotel Melati", "Syarikat Maju Jaya Sdn Bhd"]),
            r.pick(&["akuntan", "perawat", "staf gudang", "resepsionis", "customer service"]),
            r.pick(&["Jakarta", "Surabaya", "Bandung", "Medan", "Johor Bahru"]),
            1 + r.below(4),
            amount(r, 4, 5, 1),
            amount(r, 6, 8, 1),
            r.pick(&["sinarabadi", "sehatsentosa", "melati"])
        )
    },
    sep: ", ",
};

const KM: Lang = Lang {
    code: "km",
    open: &["ដំណឹងជ្រើសរើសបុគ្គលិក", "ការងារប្រាក់ខែខ្ពស់"],
    role: &["សេវាអតិថិជន", "វាយអក្សរ", "បញ្ចូលទិន្នន័យ", "លក់អនឡាញ", "សាកល្បងហ្គេម"],
    pay: |r| match r.below(2) {
        0 => format!(
            "ប្រាក់ខែ {} ដុល្លារ",
            to_script(&amount(r, 900, 2500, 100).to_string(), '០')
        ),
        _ => format!("ប្រាក់ខែ ${}", amount(r, 900, 2500, 100)),
    },
    no_exp: &["មិនត្រូវការបទពិសោធន៍", "គ្មានបទពិសោធន៍ក៏បាន"],
    costs: &["ស្នាក់នៅឥតគិតថ្លៃ", "ហូបចុកឥតគិតថ្លៃ", "មានកន្លែងស្នាក់នៅ"],
    place: &["ធ្វើការនៅក្រុងព្រះសីហនុ", "បាវិត", "ប៉ោយប៉ែត", "ប្រទេសជិតខាង", "មីយ៉ាន់ម៉ា"],
    urgent: &["ជ្រើសរើសបន្ទាន់", "ចេញដំណើរភ្លាមៗ"],
    age: |a, b| {
        format!(
            "អាយុ {}-{} ឆ្នាំ",
            to_script(&a.to_string(), '០'),
            to_script(&b.to_string(), '០')
        )
    },
    lang: &["ចេះភាសាចិន", "ចេះភាសាអង់គ្លេស"],
    tourist: &["ធ្វើដំណើរដោយទិដ្ឋាការទេសចរណ៍"],
    contact: |r, c| match r.below(2) {
        0 => format!("តេឡេក្រាម @{}", c.telegram),
        _ => format!("ទូរស័ព្ទ {}", c.phone),
    },
    legit: |r| {
        format!(
            "{} ត្រូវការជ្រើសរើស{} នៅ{} តម្រូវបទពិសោធន៍ {} ឆ្នាំ ប្រាក់ខែ {}-{} ដុល្លារ ផ្ញើប្រវត្តិរូបមក jobs@{}.example.com.kh",
            r.pick(&["ក្រុមហ៊ុនមេគង្គ", "សណ្ឋាគារអង្គរ", "មន្ទីរពេទ្យសុខភាព"]),
            r.pick(&["គណនេយ្យករ", "អ្នកទទួលភ្ញៀវ", "គិលានុបដ្ឋាក"]),
            r.pick(&["សៀមរាប", "បាត់ដំបង", "កំពង់ចាម"]),
            1 + r.below(3),
            amount(r, 250, 350, 50),
            amount(r, 400, 600, 50),
            r.pick(&["mekong", "angkorhotel", "sokhapheap"])
        )
    },
    sep: " ",
};

const MY: Lang = Lang {
    code: "my",
    open: &["အလုပ်ခေါ်စာ", "နိုင်ငံခြားအလုပ်အကိုင်"],
    role: &[
        "Customer Service",
        "စာရိုက်",
        "ဒေတာထည့်",
        "အွန်လိုင်းအရောင်း",
        "ဂိမ်းစမ်းသပ်",
    ],
    pay: |r| match r.below(2) {
        0 => format!(
            "လစာ {} သိန်း",
            to_script(&amount(r, 12, 40, 2).to_string(), '၀')
        ),
        _ => format!("လစာ {} ဒေါ်လာ", amount(r, 800, 2000, 100)),
    },
    no_exp: &["အတွေ့အကြုံမလို", "အတွေ့အကြုံ မရှိလည်းရ"],
    costs: &["နေစရာ စားစရာ အခမဲ့", "လေယာဉ်လက်မှတ် အခမဲ့", "စားနေ အခမဲ့"],
    place: &["မြဝတီ", "ရွှေကုက္ကိုလ်", "ကမ္ဘောဒီးယား", "လာအို", "မဲဆောက်"],
    urgent: &["အမြန်လိုအပ်", "ချက်ချင်းထွက်"],
    age: |a, b| {
        format!(
            "အသက် {} မှ {} နှစ်",
            to_script(&a.to_string(), '၀'),
            to_script(&b.to_string(), '၀')
        )
    },
    lang: &["တရုတ်စကား တတ်ရမည်", "အင်္ဂလိပ်စာ တတ်ရမည်"],
    tourist: &["ခရီးသွားဗီဇာဖြင့် သွားရမည်"],
    contact: |r, c| match r.below(2) {
        0 => format!("တယ်လီဂရမ် @{}", c.telegram),
        _ => format!("ဖုန်း {}", c.phone),
    },
    legit: |r| {
        format!(
            "{} တွင် {} ခေါ်ယူမည် အတွေ့အကြုံ {} နှစ် လစာ {} သိန်း ရန်ကုန်ရုံးတွင် လာရောက်လျှောက်ထားပါ hr@{}.example.com.mm",
            r.pick(&["ရွှေမြို့ကုမ္ပဏီ", "ငွေရောင်ဆေးရုံ", "မြစ်ကမ်းဟိုတယ်"]),
            r.pick(&["စာရင်းကိုင်", "သူနာပြု", "ဧည့်ကြိုဝန်ထမ်း"]),
            1 + r.below(3),
            to_script(&amount(r, 3, 5, 1).to_string(), '၀'),
            r.pick(&["shwemyo", "ngwerong", "myitkan"])
        )
    },
    sep: " ",
};

const TL: Lang = Lang {
    code: "tl",
    open: &[
        "Hiring abroad!",
        "Trabaho sa ibang bansa",
        "Magandang oportunidad",
    ],
    role: &[
        "customer service",
        "typist",
        "encoder",
        "online selling",
        "game tester",
    ],
    pay: |r| match r.below(2) {
        0 => format!(
            "sahod ₱{} kada buwan",
            thousands(amount(r, 50000, 120000, 5000), ',')
        ),
        _ => format!("sweldo ${} bawat buwan", amount(r, 1000, 2500, 100)),
    },
    no_exp: &[
        "walang karanasan okay",
        "kahit walang experience",
        "madaling trabaho",
    ],
    costs: &[
        "libreng pamasahe",
        "libreng pagkain at tirahan",
        "sagot ng kumpanya ang visa",
        "libre ang tirahan",
    ],
    place: &[
        "sa Cambodia",
        "Kambodya",
        "Myanmar",
        "Laos",
        "kalapit na bansa",
    ],
    urgent: &["kailangan agad", "aalis agad", "limitado ang slot"],
    age: |a, b| format!("edad {a}-{b}"),
    lang: &["marunong mag-English", "marunong mag-Chinese"],
    tourist: &["aalis bilang turista", "itatago ang pasaporte"],
    contact: |r, c| match r.below(2) {
        0 => format!("PM lang sa Telegram @{}", c.telegram),
        _ => format!("Viber/WhatsApp {}", c.phone),
    },
    legit: |r| {
        format!(
            "{} ay naghahanap ng {} sa {}. Kailangan ng {} taong karanasan at diploma. Sahod ₱{} - ₱{} kada buwan, may SSS at PhilHealth. Ipadala ang resume sa hr@{}.example.ph",
            r.pick(&["Bayanihan Foods Inc.", "Sampaguita Hospital", "Mabuhay Hotel", "Tala Logistics"]),
            r.pick(&["accountant", "nurse", "receptionist", "warehouse staff", "customer service representative"]),
            r.pick(&["Quezon City", "Cebu", "Davao", "Makati"]),
            1 + r.below(4),
            thousands(amount(r, 16000, 20000, 1000), ','),
            thousands(amount(r, 21000, 28000, 1000), ','),
            r.pick(&["bayanihan", "sampaguita", "mabuhay", "tala"])
        )
    },
    sep: ". ",
};

const LANGS: [&Lang; 8] = [&EN, &ZH, &TH, &VI, &MS, &KM, &MY, &TL];

fn lure(rng: &mut Rng, l: &Lang, rec: &Recruiter) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.push(rng.pick(l.open).to_string());
    if rng.chance(0.5) {
        parts.push(rng.pick(l.urgent).to_string());
    }
    parts.push(rng.pick(l.role).to_string());
    if rng.chance(0.8) {
        parts.push((l.pay)(rng));
    }
    if rng.chance(0.6) {
        parts.push(rng.pick(l.no_exp).to_string());
    }
    if rng.chance(0.6) {
        parts.push(rng.pick(l.costs).to_string());
    }
    if rng.chance(0.7) {
        parts.push(rng.pick(l.place).to_string());
    }
    if rng.chance(0.4) {
        let a = 18 + rng.below(5) as u32;
        parts.push((l.age)(a, a + 10 + rng.below(15) as u32));
    }
    if rng.chance(0.3) {
        parts.push(rng.pick(l.lang).to_string());
    }
    if rng.chance(0.15) {
        parts.push(rng.pick(l.tourist).to_string());
    }
    parts.push((l.contact)(rng, rec));
    if rng.chance(0.03) {
        parts.push(format!("USDT (TRC20): {}", rec.wallet));
    }
    // Shuffle the middle (keep the opener first and the contact last).
    let n = parts.len();
    for i in (2..n - 1).rev() {
        let j = 1 + rng.below(i);
        parts.swap(i, j);
    }
    parts.join(l.sep)
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let lure_share: f64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0.3);
    // "plain": only id and text (what a screening input holds), no label.
    let plain = args.get(3).is_some_and(|a| a == "plain");
    let mut rng = Rng(seed);
    let recruiters: Vec<Recruiter> = (0..(count / 25).max(8))
        .map(|_| recruiter(&mut rng))
        .collect();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for i in 0..count {
        let l = LANGS[rng.below(LANGS.len())];
        let is_lure = rng.chance(lure_share);
        let text = if is_lure {
            let rec = &recruiters[rng.below(recruiters.len())];
            lure(&mut rng, l, rec)
        } else {
            let mut t = (l.legit)(&mut rng);
            // Hard negatives: ordinary ads that mention a messenger, a place or urgency.
            if rng.chance(0.15) {
                t.push_str(l.sep);
                t.push_str(rng.pick(l.urgent));
            }
            if rng.chance(0.1) {
                let own = recruiter(&mut rng);
                t.push_str(l.sep);
                t.push_str(&(l.contact)(&mut rng, &own));
            }
            t
        };
        let id = format!("{}-{:06}", l.code, i + 1);
        let line = if plain {
            serde_json::json!({ "id": id, "text": text })
        } else {
            serde_json::json!({
                "id": id,
                "text": text,
                "label": if is_lure { "lure" } else { "legit" },
                "fictional": true,
            })
        };
        writeln!(out, "{line}")?;
    }
    out.flush()
}

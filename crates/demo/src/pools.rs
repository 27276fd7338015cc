//! The word lists the generators draw from: places, names, jobs, recruitment-ad
//! templates in several languages. Everything that could name a real person or
//! contact is fictional: phone numbers are in the UK range Ofcom reserves for
//! drama (+44 7700 900xxx), web addresses use reserved domains (`example.org`,
//! `.example`), and handles carry a `zw_demo` prefix.

use crate::rng::Rng;

/// A district with an approximate centre, in ten-thousandths of a degree.
#[derive(Clone, Copy)]
pub(crate) struct District {
    pub name: &'static str,
    pub lat: i64,
    pub lon: i64,
}

pub(crate) struct Province {
    pub name: &'static str,
    pub districts: &'static [District],
    /// How many scam compounds and suspected sites of the demo dataset lie here.
    pub compounds: usize,
    pub suspected: usize,
    /// What the English ads call the destination.
    pub ad_city: usize,
}

const fn d(name: &'static str, lat: i64, lon: i64) -> District {
    District { name, lat, lon }
}

/// Cambodian provinces where scam compounds have been reported, with districts.
/// Coordinates are approximate town or district centres.
pub(crate) const PROVINCES: &[Province] = &[
    Province {
        name: "Preah Sihanouk",
        districts: &[
            d("Sihanoukville", 106270, 1035220),
            d("Prey Nob", 107050, 1037800),
            d("Stueng Hav", 107500, 1035500),
            d("Kampong Seila", 110800, 1037500),
        ],
        compounds: 18,
        suspected: 12,
        ad_city: 0,
    },
    Province {
        name: "Koh Kong",
        districts: &[
            d("Khemarak Phoumin", 116170, 1029830),
            d("Mondol Seima", 115400, 1030000),
            d("Kiri Sakor", 109000, 1032500),
            d("Botum Sakor", 111000, 1033500),
            d("Srae Ambel", 111300, 1037300),
        ],
        compounds: 7,
        suspected: 5,
        ad_city: 4,
    },
    Province {
        name: "Banteay Meanchey",
        districts: &[
            d("Poipet", 136600, 1025600),
            d("Serei Saophoan", 135850, 1029750),
            d("O'Chrov", 136000, 1027500),
        ],
        compounds: 6,
        suspected: 5,
        ad_city: 2,
    },
    Province {
        name: "Svay Rieng",
        districts: &[
            d("Bavet", 110700, 1061300),
            d("Svay Rieng", 110870, 1058000),
            d("Chantrea", 110400, 1059700),
        ],
        compounds: 6,
        suspected: 5,
        ad_city: 1,
    },
    Province {
        name: "Phnom Penh",
        districts: &[
            d("Chbar Ampov", 115300, 1049500),
            d("Dangkao", 114900, 1048600),
            d("Chroy Changvar", 116000, 1049300),
            d("Mean Chey", 115200, 1049200),
            d("Sen Sok", 115900, 1048600),
        ],
        compounds: 5,
        suspected: 6,
        ad_city: 3,
    },
    Province {
        name: "Kampot",
        districts: &[
            d("Kampot", 106100, 1041800),
            d("Bokor", 106300, 1040300),
            d("Kampong Trach", 105600, 1044600),
        ],
        compounds: 3,
        suspected: 3,
        ad_city: 5,
    },
    Province {
        name: "Pursat",
        districts: &[
            d("Pursat", 125380, 1039200),
            d("Krakor", 124900, 1041800),
            d("Veal Veaeng", 121500, 1030500),
        ],
        compounds: 2,
        suspected: 2,
        ad_city: 5,
    },
    Province {
        name: "Takeo",
        districts: &[
            d("Doun Kaev", 109900, 1047850),
            d("Angkor Borei", 109900, 1049800),
            d("Kiri Vong", 107500, 1049200),
        ],
        compounds: 2,
        suspected: 2,
        ad_city: 5,
    },
    Province {
        name: "Oddar Meanchey",
        districts: &[
            d("Samraong", 141800, 1035200),
            d("Anlong Veaeng", 142300, 1040800),
            d("O'Smach", 144200, 1037100),
        ],
        compounds: 2,
        suspected: 2,
        ad_city: 5,
    },
    Province {
        name: "Kandal",
        districts: &[
            d("Ta Khmau", 114830, 1049500),
            d("Kien Svay", 114900, 1050700),
            d("Ponhea Leu", 117500, 1047700),
        ],
        compounds: 2,
        suspected: 3,
        ad_city: 3,
    },
];

/// Site-name words, English with a Chinese rendering for aliases.
pub(crate) const NAME_ADJECTIVES: &[(&str, &str)] = &[
    ("Golden", "金"),
    ("Jade", "玉"),
    ("Silver", "银"),
    ("Crystal", "水晶"),
    ("Royal", "皇家"),
    ("Lucky", "幸运"),
    ("Ocean", "海洋"),
    ("Star", "星光"),
    ("Imperial", "帝国"),
    ("Diamond", "钻石"),
    ("Pearl", "珍珠"),
    ("Dragon", "龙"),
    ("Phoenix", "凤凰"),
    ("Lotus", "莲花"),
    ("Sunrise", "旭日"),
    ("Palm", "棕榈"),
    ("Emerald", "翡翠"),
    ("Sapphire", "蓝宝石"),
    ("Prosperity", "兴旺"),
    ("Harmony", "和谐"),
];

pub(crate) const NAME_NOUNS: &[(&str, &str)] = &[
    ("Bay", "湾"),
    ("Tower", "大厦"),
    ("Park", "园区"),
    ("Garden", "花园"),
    ("Plaza", "广场"),
    ("City", "城"),
    ("Residence", "公寓"),
    ("Resort", "度假村"),
    ("Palace", "宫"),
    ("Harbour", "港"),
    ("Hill", "山庄"),
    ("Coast", "海岸"),
];

/// Nationalities of the interviewed survivors, with how many of the 58 usable
/// interviews come from each: eight countries, as in the report the demo mirrors.
pub(crate) const SURVIVOR_NATIONALITIES: &[(&str, usize)] = &[
    ("VN", 12),
    ("ID", 10),
    ("TH", 8),
    ("MM", 7),
    ("PH", 6),
    ("CN", 6),
    ("MY", 5),
    ("KE", 4),
];

/// Nationalities of the other victim records, with weights.
pub(crate) const VICTIM_NATIONALITIES: &[(&str, u32)] = &[
    ("VN", 20),
    ("ID", 18),
    ("TH", 12),
    ("MM", 10),
    ("CN", 10),
    ("PH", 8),
    ("MY", 5),
    ("LK", 4),
    ("BD", 4),
    ("IN", 3),
    ("NP", 2),
    ("KE", 2),
    ("ET", 2),
    ("UG", 1),
    ("PK", 1),
    ("LA", 1),
    ("TW", 1),
    ("KR", 1),
];

/// Pseudonyms used as aliases, by nationality.
pub(crate) fn pseudonyms(country: &str) -> &'static [&'static str] {
    match country {
        "TH" => &[
            "Mai", "Nok", "Ploy", "Som", "Beam", "Fon", "Gap", "Pim", "Tong", "Art",
        ],
        "VN" => &[
            "Lan", "Minh", "Tuan", "Hoa", "Dao", "Hieu", "Linh", "Nam", "Thu", "Quang", "Vy",
            "Khoa",
        ],
        "ID" => &[
            "Rina", "Budi", "Dewi", "Agus", "Sari", "Eka", "Putri", "Wahyu", "Fajar", "Indah",
        ],
        "MM" => &[
            "Aung", "Hla", "Zaw", "Thiri", "Kyaw", "Moe", "Nilar", "Htet",
        ],
        "PH" => &["Joy", "Mark", "Liza", "Paolo", "Grace", "Rey", "Ana", "Jun"],
        "CN" => &["Xiao Wen", "Ah Ming", "Li Na", "Jun Hao", "Mei", "Lei"],
        "MY" => &["Aiman", "Siti", "Wei Jie", "Farah", "Hafiz"],
        "KE" => &["Amani", "Baraka", "Wanjiru", "Otieno", "Achieng"],
        "LK" => &["Nimal", "Sanduni", "Kasun"],
        "BD" => &["Rahim", "Nusrat", "Sabbir"],
        _ => &["Sam", "Alex", "Kim", "Jo"],
    }
}

/// Home regions used in fictional addresses, by nationality.
pub(crate) fn home_regions(country: &str) -> &'static [&'static str] {
    match country {
        "TH" => &["Udon Thani", "Khon Kaen", "Chiang Rai", "Bangkok"],
        "VN" => &["Nghe An", "Ha Tinh", "Ho Chi Minh City", "Hanoi"],
        "ID" => &["West Java", "North Sumatra", "East Java", "North Sulawesi"],
        "MM" => &["Yangon", "Mandalay", "Shan State"],
        "PH" => &["Manila", "Cebu", "Davao"],
        "CN" => &["Fujian", "Guangxi", "Yunnan"],
        "MY" => &["Johor", "Penang", "Sabah"],
        "KE" => &["Nairobi", "Mombasa"],
        "LK" => &["Colombo", "Kandy"],
        "BD" => &["Dhaka", "Sylhet"],
        _ => &["home district"],
    }
}

/// The interview language (BCP 47) for a nationality.
pub(crate) fn language_of(country: &str) -> &'static str {
    match country {
        "TH" => "th",
        "VN" => "vi",
        "ID" => "id",
        "MM" => "my",
        "PH" => "fil",
        "CN" => "zh-Hans",
        "MY" => "ms",
        "KE" => "sw",
        "LK" => "si",
        "BD" => "bn",
        _ => "en",
    }
}

/// Jobs promised in recruitment, in general.
pub(crate) const PROMISED_JOBS: &[(&str, u32)] = &[
    ("customer service", 22),
    ("typist", 12),
    ("data entry", 10),
    ("online sales", 10),
    ("game tester", 6),
    ("call centre agent", 6),
    ("translator", 6),
    ("casino dealer", 5),
    ("IT support", 5),
    ("administrative assistant", 5),
    ("marketing assistant", 4),
    ("hotel receptionist", 3),
    ("live-stream host", 3),
    ("construction worker", 2),
    ("factory worker", 2),
];

pub(crate) const CHANNELS: &[(zonewatch_model::RecruitmentChannel, u32)] = {
    use zonewatch_model::RecruitmentChannel as C;
    &[
        (C::Facebook, 30),
        (C::Telegram, 22),
        (C::Instagram, 10),
        (C::Tiktok, 10),
        (C::Whatsapp, 8),
        (C::PersonalContact, 7),
        (C::Line, 4),
        (C::Wechat, 3),
        (C::Agency, 3),
        (C::JobBoard, 3),
    ]
};

/// The jobs recruitment ads advertise, with their wording in each ad language:
/// English, Thai, Vietnamese, Chinese, Indonesian.
pub(crate) const AD_JOBS: &[[&str; 5]] = &[
    [
        "customer service",
        "พนักงานบริการลูกค้า",
        "nhân viên chăm sóc khách hàng",
        "客服",
        "customer service",
    ],
    [
        "typist",
        "พนักงานพิมพ์งาน",
        "nhân viên đánh máy",
        "打字员",
        "admin ketik",
    ],
    [
        "data entry",
        "พนักงานคีย์ข้อมูล",
        "nhân viên nhập liệu",
        "数据录入员",
        "input data",
    ],
    [
        "online sales",
        "พนักงานขายออนไลน์",
        "nhân viên bán hàng online",
        "网络销售",
        "sales online",
    ],
    [
        "game tester",
        "พนักงานทดสอบเกม",
        "nhân viên thử nghiệm game",
        "游戏测试员",
        "tester game",
    ],
    [
        "translator",
        "ล่ามแปลภาษา",
        "phiên dịch viên",
        "翻译",
        "penerjemah",
    ],
];

/// Ad languages, in the column order of [`AD_JOBS`].
pub(crate) const AD_LANGUAGES: &[&str] = &["en", "th", "vi", "zh", "id"];

/// Destinations as ads name them, by language (English, Thai, Vietnamese,
/// Chinese, Indonesian). Indexed by [`Province::ad_city`].
const AD_CITIES: &[[&str; 5]] = &[
    [
        "Sihanoukville",
        "สีหนุวิลล์",
        "Sihanoukville",
        "西港",
        "Sihanoukville",
    ],
    ["Bavet", "บาเวต", "Bavet", "巴域", "Bavet"],
    ["Poipet", "ปอยเปต", "Poipet", "波贝", "Poipet"],
    ["Phnom Penh", "พนมเปญ", "Phnom Penh", "金边", "Phnom Penh"],
    ["Koh Kong", "เกาะกง", "Koh Kong", "国公", "Koh Kong"],
    [
        "a neighbouring country",
        "ประเทศเพื่อนบ้าน",
        "nước láng giềng",
        "邻国",
        "negara tetangga",
    ],
];

/// A way to reach the recruiter, written into an ad.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Contact {
    /// A Telegram username (without `@`).
    Telegram(u64),
    /// A number in the UK drama range +44 7700 900000-900999.
    Whatsapp(u64),
    Line(u64),
    Wechat(u64),
}

pub(crate) fn telegram_handle(n: u64) -> String {
    const WORDS: &[&str] = &["jobs", "hr", "recruit", "career", "work", "hiring"];
    format!("zw_demo_{}{:02}", WORDS[(n % 6) as usize], n % 100)
}

/// A phone number in the range Ofcom reserves for drama, so it reaches nobody.
pub(crate) fn drama_phone(n: u64) -> (String, String) {
    let last = n % 1000;
    (
        format!("+44 7700 900{last:03}"),
        format!("447700900{last:03}"),
    )
}

fn contact_text(contact: Contact, language: usize) -> String {
    match contact {
        Contact::Telegram(n) => {
            let handle = telegram_handle(n);
            match (language, n % 3) {
                (_, 0) => format!("t.me/{handle}"),
                (1, _) => format!("ติดต่อเทเลแกรม @{handle}"),
                (3, _) => format!("联系飞机 @{handle}"),
                (2, _) | (4, _) => format!("Telegram: @{handle}"),
                _ => format!("Contact on Telegram @{handle}"),
            }
        }
        Contact::Whatsapp(n) => {
            let (written, digits) = drama_phone(n);
            if n % 2 == 0 {
                format!("WhatsApp {written}")
            } else {
                format!("wa.me/{digits}")
            }
        }
        Contact::Line(n) => format!("LINE ID: zwdemo{:03}", n % 1000),
        Contact::Wechat(n) => format!("微信: zwdemo_{:03}", n % 1000),
    }
}

/// The text of a recruitment ad: `language` indexes [`AD_LANGUAGES`], `job`
/// indexes [`AD_JOBS`], `city` indexes the destinations, the salary is per month.
pub(crate) fn ad_text(
    language: usize,
    variant: u64,
    job: usize,
    salary_usd: u64,
    city: usize,
    contact: Contact,
) -> String {
    let job_word = AD_JOBS[job % AD_JOBS.len()][language % 5];
    let place = AD_CITIES[city % AD_CITIES.len()][language % 5];
    let contact = contact_text(contact, language);
    match (language % 5, variant % 3) {
        (0, 0) => format!(
            "URGENT HIRING! {job_word} staff in {place}, ${salary_usd}/month, no experience needed. \
             Free flight, visa, food and room. Age 18-35, basic English. {contact}"
        ),
        (0, 1) => format!(
            "Work in a modern office in {place}: {job_word}, salary ${salary_usd} + bonus. \
             Visa and ticket paid by the company, leave within 1 week. {contact}"
        ),
        (0, _) => format!(
            "Easy job, high pay! Looking for {job_word} staff with good English, ${salary_usd} per month, \
             accommodation included. Only serious applicants. {contact}"
        ),
        (1, 0) => format!(
            "ด่วน! รับสมัคร{job_word} ที่{place} เงินเดือน {} บาท ไม่ต้องมีประสบการณ์ \
             ฟรีตั๋วเครื่องบิน ที่พัก อาหาร อายุ 18-35 {contact}",
            thai_baht(salary_usd)
        ),
        (1, 1) => format!(
            "งานต่างประเทศ {job_word} รายได้ {} บาท/เดือน พูดภาษาไทยได้ก็พอ บินฟรี ทำวีซ่าให้ {contact}",
            thai_baht(salary_usd)
        ),
        (1, _) => format!(
            "รับด่วน {job_word} {place} เงินดี {} บาทต่อเดือน มีที่พักให้ เดินทางภายในสัปดาห์นี้ {contact}",
            thai_baht(salary_usd)
        ),
        (2, 0) => format!(
            "TUYỂN GẤP {job_word} tại {place}, lương {salary_usd} USD/tháng, không cần kinh nghiệm. \
             Bao vé máy bay, ăn ở. Tuổi 18-35. {contact}"
        ),
        (2, 1) => format!(
            "Việc nhẹ lương cao! {job_word} ở {place}, {salary_usd} USD/tháng, hỗ trợ visa, \
             xuất cảnh trong tuần. {contact}"
        ),
        (2, _) => format!(
            "Cần gấp {job_word}, biết tiếng Anh cơ bản, lương {salary_usd}$ một tháng, \
             bao ăn ở tại {place}. {contact}"
        ),
        (3, 0) => format!(
            "高薪招聘{job_word}，地点{place}，月薪{salary_usd}美金，无需经验，包机票包食宿，年龄18-35岁。{contact}"
        ),
        (3, 1) => format!("海外{job_word}，月薪{salary_usd}U起，包吃包住，落地即上班。{contact}"),
        (3, _) => format!("{place}急招{job_word}，底薪{salary_usd}美金加提成，会中文即可，免费签证。{contact}"),
        (_, 0) => format!(
            "DIBUTUHKAN SEGERA {job_word} di {place}, gaji {salary_usd} USD/bulan, tanpa pengalaman. \
             Tiket pesawat, visa, makan dan mess gratis. Usia 18-35. {contact}"
        ),
        (_, 1) => format!(
            "Lowongan kerja {job_word} di {place}, gaji Rp {} juta/bulan, bisa bahasa Inggris dasar. \
             Berangkat minggu ini! {contact}",
            rupiah_millions(salary_usd)
        ),
        (_, _) => format!(
            "Kerja kantoran di luar negeri: {job_word}, gaji {salary_usd} USD, tempat tinggal disediakan, \
             proses cepat. {contact}"
        ),
    }
}

fn thai_baht(usd: u64) -> String {
    let baht = (usd * 35).div_ceil(1000) * 1000;
    let (thousands, rest) = (baht / 1000, baht % 1000);
    format!("{thousands},{rest:03}")
}

fn rupiah_millions(usd: u64) -> u64 {
    (usd * 16_000 / 1_000_000).max(1)
}

/// Sentences for fictional transcripts.
pub(crate) fn channel_phrase(channel: zonewatch_model::RecruitmentChannel) -> &'static str {
    use zonewatch_model::RecruitmentChannel as C;
    match channel {
        C::Facebook => "a Facebook post",
        C::Instagram => "an Instagram story",
        C::Telegram => "a Telegram group",
        C::Whatsapp => "a WhatsApp message",
        C::Tiktok => "a TikTok video",
        C::Line => "a LINE message",
        C::Wechat => "a WeChat contact",
        C::JobBoard => "a job website",
        C::PersonalContact => "a friend of a friend",
        C::Agency => "an employment agency",
        C::Other | C::Unknown => "someone online",
    }
}

pub(crate) const TRAVEL: &[&str] = &[
    "They paid for my flight to Bangkok and a van drove us across the border at night.",
    "We flew to Phnom Penh on tourist visas and were driven south for hours.",
    "A man met me at the airport, took my passport \"for the visa\" and drove me to the compound.",
    "I crossed the river by boat with six others; nobody told us where we were going.",
];

pub(crate) const WORK: &[&str] = &[
    "We had to chat with strangers for fourteen hours a day, pretending to be rich investors.",
    "Each of us had a target of new contacts every day; if we missed it, we were punished.",
    "They gave us scripts and fake profiles and made us push people into a crypto app.",
    "We slept in bunks in the same building and were never allowed outside the fence.",
];

pub(crate) const VIOLENCE: &[&str] = &[
    "When I refused, the guards beat me with a stick in front of the others.",
    "They used an electric baton on people who did not reach their target.",
    "I was locked in a dark room for three days without food.",
    "A supervisor said they would sell me to another company if I complained.",
];

pub(crate) fn pick_sentence(rng: &mut Rng, pool: &[&'static str]) -> &'static str {
    rng.pick(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_province_has_districts_and_the_counts_add_up() {
        assert!(PROVINCES.iter().all(|p| !p.districts.is_empty()));
        let compounds: usize = PROVINCES.iter().map(|p| p.compounds).sum();
        let suspected: usize = PROVINCES.iter().map(|p| p.suspected).sum();
        assert_eq!((compounds, suspected), (53, 45));
        let interviewed: usize = SURVIVOR_NATIONALITIES.iter().map(|(_, n)| n).sum();
        assert_eq!(interviewed, 58);
    }

    #[test]
    fn ads_are_written_in_their_language() {
        let text = ad_text(1, 0, 0, 1500, 0, Contact::Telegram(7));
        assert!(text.contains("สีหนุวิลล์") && text.contains("53,000"), "{text}");
        let text = ad_text(3, 0, 0, 1500, 0, Contact::Wechat(7));
        assert!(text.contains("西港") && text.contains("微信"), "{text}");
        assert_eq!(drama_phone(1234).0, "+44 7700 900234");
        assert!(telegram_handle(5).len() >= 5 && telegram_handle(99).len() <= 32);
    }
}

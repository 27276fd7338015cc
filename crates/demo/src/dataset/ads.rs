//! Recruitment ads in several languages.

use zonewatch_model::{Ad, Body, Platform, Precision, Record, RecruitmentChannel};

use super::*;
use crate::calendar::{month, with_precision, Month};
use crate::pools::{self, Contact};
use crate::rng::Rng;

pub(super) struct AdPlan {
    pub(super) id: String,
    pub(super) platform: Platform,
    pub(super) language: usize,
    pub(super) job: usize,
    pub(super) salary: u64,
    pub(super) posted: Month,
}

pub(super) fn ads(out: &mut Vec<Record>) -> Vec<AdPlan> {
    let mut rng = Rng::stream(SEED, label::ADS, 0);
    let mut languages: Vec<usize> = Vec::new();
    for (language, count) in [(0usize, 12usize), (1, 7), (2, 8), (3, 7), (4, 6)] {
        languages.extend(std::iter::repeat_n(language, count));
    }
    rng.shuffle(&mut languages);
    let mut plans = Vec::new();
    for (i, &language) in languages.iter().enumerate() {
        let mut rng = Rng::stream(SEED, label::ADS, i as u64 + 1);
        use Platform as P;
        let platform = match language {
            0 => rng.weighted(&[
                (P::Facebook, 30),
                (P::Telegram, 20),
                (P::Instagram, 10),
                (P::Tiktok, 10),
                (P::X, 8),
                (P::JobBoard, 12),
                (P::Whatsapp, 10),
            ]),
            1 => rng.weighted(&[
                (P::Facebook, 40),
                (P::Line, 25),
                (P::Tiktok, 20),
                (P::Telegram, 15),
            ]),
            2 => rng.weighted(&[
                (P::Facebook, 45),
                (P::Telegram, 20),
                (P::Tiktok, 20),
                (P::Whatsapp, 15),
            ]),
            3 => rng.weighted(&[(P::Telegram, 50), (P::Wechat, 35), (P::Facebook, 15)]),
            _ => rng.weighted(&[
                (P::Facebook, 35),
                (P::Instagram, 20),
                (P::Tiktok, 20),
                (P::Whatsapp, 15),
                (P::Telegram, 10),
            ]),
        };
        // Recruiters post many ads: 40 ads come from 13 contacts, so `zonewatch
        // networks` has something to find.
        let n = i as u64 % 13 + 1;
        let contact = match platform {
            P::Telegram => Contact::Telegram(n),
            P::Whatsapp => Contact::Whatsapp(100 + n * 7),
            P::Line => Contact::Line(n),
            P::Wechat => Contact::Wechat(n),
            _ => match (language, rng.below(10)) {
                (1, 0..=3) => Contact::Line(n),
                (3, 0..=3) => Contact::Wechat(n),
                (_, 0..=6) => Contact::Telegram(n),
                _ => Contact::Whatsapp(100 + n * 7),
            },
        };
        let job = rng.weighted(&[(0usize, 40), (1, 15), (2, 15), (3, 12), (4, 8), (5, 10)]);
        let salary = rng.range(8, 30) as u64 * 100;
        let city = rng.weighted(&[(0usize, 35), (1, 12), (2, 12), (3, 15), (4, 6), (5, 20)]);
        let text = pools::ad_text(language, rng.below(3), job, salary, city, contact);
        let posted = rng.range(month(2021, 3), month(2024, 10));
        let posted_date = rng.weighted(&[
            (Some(Precision::Day), 45),
            (Some(Precision::Month), 45),
            (None, 10),
        ]);
        let id = format!("demo-ad-{:02}", i + 1);
        let url = rng.chance(50).then(|| match platform {
            P::Telegram => format!("https://t.me/{}/{}", pools::telegram_handle(n), 100 + n),
            P::JobBoard => format!("https://jobs.example/listing/zw-demo-{n}"),
            other => format!("https://{}.example/posts/zw-demo-{n}", other.as_str()),
        });
        out.push(record(
            id.clone(),
            &[DEMO_SOURCE_ID, SRC_ADS],
            sensitivity(&mut rng, 70, 30, 0),
            Body::Ad(Ad {
                platform,
                text,
                url,
                posted: posted_date.map(|p| with_precision(posted, p, &mut rng)),
                language: Some(pools::AD_LANGUAGES[language].to_owned()),
            }),
        ));
        plans.push(AdPlan {
            id,
            platform,
            language,
            job,
            salary,
            posted,
        });
    }
    plans
}

/// The ad languages a nationality's recruits read.
pub(super) fn reads(country: &str, language: usize) -> bool {
    match country {
        "TH" => language == 1 || language == 0,
        "VN" => language == 2,
        "ID" => language == 4 || language == 0,
        "CN" => language == 3,
        "MY" => language == 3 || language == 0,
        _ => language == 0,
    }
}

pub(super) fn platform_of(channel: RecruitmentChannel) -> Option<Platform> {
    use RecruitmentChannel as C;
    Some(match channel {
        C::Facebook => Platform::Facebook,
        C::Instagram => Platform::Instagram,
        C::Telegram => Platform::Telegram,
        C::Whatsapp => Platform::Whatsapp,
        C::Tiktok => Platform::Tiktok,
        C::Line => Platform::Line,
        C::Wechat => Platform::Wechat,
        C::JobBoard => Platform::JobBoard,
        _ => return None,
    })
}

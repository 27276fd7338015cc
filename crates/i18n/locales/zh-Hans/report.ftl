# zonewatch — Chinese, simplified script (zh-Hans).
# machine-drafted, awaiting review by a native speaker — NOT YET DRAFTED: this file has no messages yet, so the report, the legal-test text and the site timeline fall back to English (en/report.ftl) until a translator adds them (docs/TRANSLATING.md).

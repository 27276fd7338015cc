//! The closed vocabularies of FORMAT.md. Any other value is an error.

/// Declares a vocabulary: an enum, its wire strings, parsing and the list of values.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order FORMAT.md lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::trusted::deserialize_vocabulary(deserializer)
            }
        }

        impl crate::vocab::Vocabulary for $name {
            fn parse(text: &str) -> Option<Self> { $name::parse(text) }
            fn as_str(self) -> &'static str { $name::as_str(self) }
            fn values() -> &'static [Self] { $name::ALL }
        }
    };
}

/// What the decoder needs of every vocabulary.
pub trait Vocabulary: Copy + 'static {
    fn parse(text: &str) -> Option<Self>;
    fn as_str(self) -> &'static str;
    fn values() -> &'static [Self];

    /// "one of `a`, `b`, `c`", for error messages.
    fn expected() -> String {
        let list: Vec<String> = Self::values()
            .iter()
            .map(|v| format!("`{}`", v.as_str()))
            .collect();
        format!("one of {}", list.join(", "))
    }
}

vocabulary!(
    /// The record kinds, in export order.
    Kind {
        Source = "source",
        Organization = "organization",
        Site = "site",
        SiteStatus = "site_status",
        Intervention = "intervention",
        Person = "person",
        Testimony = "testimony",
        Incident = "incident",
        Ad = "ad",
    }
);

impl Kind {
    /// Position in export order (FORMAT.md, "Export form").
    pub fn rank(self) -> u8 {
        self as u8
    }

    pub fn from_rank(rank: u8) -> Option<Kind> {
        Kind::ALL.get(usize::from(rank)).copied()
    }

    /// The plural used in URLs and summaries (`site_statuses`).
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Source => "sources",
            Kind::Organization => "organizations",
            Kind::Site => "sites",
            Kind::SiteStatus => "site_statuses",
            Kind::Intervention => "interventions",
            Kind::Person => "persons",
            Kind::Testimony => "testimonies",
            Kind::Incident => "incidents",
            Kind::Ad => "ads",
        }
    }
}

vocabulary!(Sensitivity { Public = "public", Internal = "internal", Restricted = "restricted" });

vocabulary!(SourceType {
    Report = "report",
    Media = "media",
    GovernmentData = "government_data",
    NgoData = "ngo_data",
    FieldVisit = "field_visit",
    SatelliteImagery = "satellite_imagery",
    Interview = "interview",
    SocialMedia = "social_media",
    CourtRecord = "court_record",
    Other = "other",
});

vocabulary!(OrganizationType {
    CriminalGroup = "criminal_group",
    Company = "company",
    GovernmentAgency = "government_agency",
    LawEnforcement = "law_enforcement",
    Ngo = "ngo",
    Platform = "platform",
    Other = "other",
});

vocabulary!(SiteCategory { ScamCompound = "scam_compound", SuspectedSite = "suspected_site" });

vocabulary!(FormerUse {
    Casino = "casino",
    Hotel = "hotel",
    Residential = "residential",
    Office = "office",
    Industrial = "industrial",
    SpecialEconomicZone = "special_economic_zone",
    Other = "other",
    Unknown = "unknown",
});

vocabulary!(SiteStatusValue {
    Operating = "operating",
    Closed = "closed",
    UnderConstruction = "under_construction",
    Relocated = "relocated",
});

vocabulary!(ObservationBasis {
    FieldVisit = "field_visit",
    SatelliteImagery = "satellite_imagery",
    Testimony = "testimony",
    Media = "media",
    Government = "government",
    SocialMedia = "social_media",
    Other = "other",
});

vocabulary!(InterventionType {
    Raid = "raid",
    Rescue = "rescue",
    Inspection = "inspection",
    ClosureOrder = "closure_order",
    Other = "other",
});

vocabulary!(PersonRole {
    Survivor = "survivor",
    Victim = "victim",
    Witness = "witness",
    Perpetrator = "perpetrator",
    Recruiter = "recruiter",
});

vocabulary!(Gender { Female = "female", Male = "male", Other = "other", Unknown = "unknown" });

vocabulary!(RecruitmentChannel {
    Facebook = "facebook",
    Instagram = "instagram",
    Telegram = "telegram",
    Whatsapp = "whatsapp",
    Tiktok = "tiktok",
    Line = "line",
    Wechat = "wechat",
    JobBoard = "job_board",
    PersonalContact = "personal_contact",
    Agency = "agency",
    Other = "other",
    Unknown = "unknown",
});

vocabulary!(ExitMode {
    Escaped = "escaped",
    Rescued = "rescued",
    Released = "released",
    RansomPaid = "ransom_paid",
    Deported = "deported",
    SoldOrTransferred = "sold_or_transferred",
    StillHeld = "still_held",
    Died = "died",
    Unknown = "unknown",
});

vocabulary!(Consent {
    PublicUse = "public_use",
    AnonymousUse = "anonymous_use",
    InternalOnly = "internal_only",
    Withdrawn = "withdrawn",
});

vocabulary!(IncidentType {
    Torture = "torture",
    Beating = "beating",
    ElectricShock = "electric_shock",
    SexualViolence = "sexual_violence",
    Death = "death",
    Confinement = "confinement",
    Threat = "threat",
    DocumentConfiscation = "document_confiscation",
    DebtBondage = "debt_bondage",
    SaleOrTransfer = "sale_or_transfer",
    ForcedCriminality = "forced_criminality",
    WithheldWages = "withheld_wages",
    ChildLabour = "child_labour",
    Other = "other",
});

vocabulary!(Platform {
    Facebook = "facebook",
    Instagram = "instagram",
    Telegram = "telegram",
    Whatsapp = "whatsapp",
    Tiktok = "tiktok",
    Line = "line",
    Wechat = "wechat",
    X = "x",
    JobBoard = "job_board",
    Other = "other",
});

vocabulary!(
    /// Testimony finding codes (DOMAIN.md).
    FindingCode {
        IloAbuseOfVulnerability = "ilo.abuse_of_vulnerability",
        IloDeception = "ilo.deception",
        IloRestrictionOfMovement = "ilo.restriction_of_movement",
        IloIsolation = "ilo.isolation",
        IloPhysicalSexualViolence = "ilo.physical_sexual_violence",
        IloIntimidationThreats = "ilo.intimidation_threats",
        IloRetentionOfDocuments = "ilo.retention_of_documents",
        IloWithholdingOfWages = "ilo.withholding_of_wages",
        IloDebtBondage = "ilo.debt_bondage",
        IloAbusiveConditions = "ilo.abusive_conditions",
        IloExcessiveOvertime = "ilo.excessive_overtime",
        TipActRecruitment = "tip.act.recruitment",
        TipActTransportation = "tip.act.transportation",
        TipActTransfer = "tip.act.transfer",
        TipActHarbouring = "tip.act.harbouring",
        TipActReceipt = "tip.act.receipt",
        TipMeansThreat = "tip.means.threat",
        TipMeansForce = "tip.means.force",
        TipMeansCoercion = "tip.means.coercion",
        TipMeansAbduction = "tip.means.abduction",
        TipMeansFraud = "tip.means.fraud",
        TipMeansDeception = "tip.means.deception",
        TipMeansAbuseOfPower = "tip.means.abuse_of_power",
        TipMeansAbuseOfVulnerability = "tip.means.abuse_of_vulnerability",
        TipMeansPaymentToController = "tip.means.payment_to_controller",
        TipPurposeSexualExploitation = "tip.purpose.sexual_exploitation",
        TipPurposeForcedLabour = "tip.purpose.forced_labour",
        TipPurposeSlavery = "tip.purpose.slavery",
        TipPurposeServitude = "tip.purpose.servitude",
        TipPurposeOrganRemoval = "tip.purpose.organ_removal",
        TipPurposeForcedCriminality = "tip.purpose.forced_criminality",
        SlaverySale = "slavery.sale",
        SlaveryOwnershipClaim = "slavery.ownership_claim",
        SlaveryControlAsPossession = "slavery.control_as_possession",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_parses_back() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(*kind));
            assert_eq!(Kind::from_rank(kind.rank()), Some(*kind));
        }
        assert_eq!(FindingCode::ALL.len(), 11 + 5 + 9 + 6 + 3);
        assert_eq!(SiteCategory::parse("Scam_compound"), None);
    }

    #[test]
    fn expected_lists_the_values() {
        assert_eq!(
            SiteCategory::expected(),
            "one of `scam_compound`, `suspected_site`"
        );
    }
}

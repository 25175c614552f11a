//! What a person knows of themselves, declared once: the profile's `[facts]`, the flags of
//! `eligible`, `plan` and `profile set` (converted in `cli.rs`), what `hi profile` shows, and
//! what the decisions read. A fact left out is not given: unknown, never "no".

use serde::{Deserialize, Serialize};

use crate::model::{CeKind, Education, Field};

/// How a fact reads in `hi profile`.
pub trait Shown {
    fn shown(&self) -> String;
}

impl Shown for Education {
    fn shown(&self) -> String {
        self.label().to_string()
    }
}

impl Shown for Field {
    fn shown(&self) -> String {
        self.label().to_string()
    }
}

impl Shown for bool {
    fn shown(&self) -> String {
        match self {
            true => "yes".to_string(),
            false => "no".to_string(),
        }
    }
}

impl Shown for u32 {
    fn shown(&self) -> String {
        self.to_string()
    }
}

/// The facts, each with its type and how `hi profile` labels it: the one list a new fact is
/// added to (and its flag in `cli.rs`'s `FactsArgs`).
macro_rules! facts {
    ($($(#[$doc:meta])* $field:ident: $type:ty, $label:literal;)*) => {
        /// What `hi eligible` and `hi plan` know of a person; a fact left out is not given.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
        #[serde(deny_unknown_fields)]
        pub struct Facts {
            $($(#[$doc])*
            pub $field: Option<$type>,)*
        }

        impl Facts {
            /// These facts, each one not given taken from `other`: flags over the profile.
            pub fn or(&self, other: &Facts) -> Facts {
                Facts {
                    $($field: self.$field.clone().or_else(|| other.$field.clone()),)*
                }
            }

            /// Each fact as (label, how it reads), `None` where it is not given.
            pub fn shown(&self) -> Vec<(&'static str, Option<String>)> {
                vec![$(($label, self.$field.as_ref().map(Shown::shown)),)*]
            }

            /// Whether no fact is given.
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_none())*
            }
        }
    };
}

facts! {
    /// Highest completed education.
    education: Education, "Education";
    /// The field of that degree.
    field: Field, "Field";
    /// The degree is from a CAHIIM-accredited health information management program.
    cahiim: bool, "CAHIIM-accredited program";
    /// Years of relevant work experience.
    experience_years: u32, "Years of experience";
    /// Of those years, how many were in healthcare.
    healthcare_years: u32, "Of them in healthcare";
    /// Hours of continuing education, of every kind together.
    ce_hours: u32, "CE hours, all kinds";
    /// Of those, hours in health information and technology.
    ce_health_it_hours: u32, "CE hours in health IT";
    /// Of those, hours in informatics.
    ce_informatics_hours: u32, "CE hours in informatics";
    /// Of those, hours of project-management education.
    ce_project_management_hours: u32, "CE hours in project management";
    /// Holds an active registered nurse licence.
    rn: bool, "Active RN licence";
}

/// The most years of experience anyone is taken to have: more is a typing error.
pub const MAX_YEARS: u32 = 80;
/// The most CE hours given as one fact.
pub const MAX_CE_HOURS: u32 = 100_000;

impl Facts {
    /// The hours of one kind of continuing education, if given.
    pub fn ce_hours_of(&self, kind: CeKind) -> Option<u32> {
        match kind {
            CeKind::HealthIt => self.ce_health_it_hours,
            CeKind::Informatics => self.ce_informatics_hours,
            CeKind::ProjectManagement => self.ce_project_management_hours,
        }
    }

    /// The profile's key for the hours of one kind.
    fn ce_key(kind: CeKind) -> &'static str {
        match kind {
            CeKind::HealthIt => "ce_health_it_hours",
            CeKind::Informatics => "ce_informatics_hours",
            CeKind::ProjectManagement => "ce_project_management_hours",
        }
    }

    /// These facts with the hours of one kind of continuing education set.
    pub fn with_ce_hours_of(mut self, kind: CeKind, hours: u32) -> Facts {
        let slot = match kind {
            CeKind::HealthIt => &mut self.ce_health_it_hours,
            CeKind::Informatics => &mut self.ce_informatics_hours,
            CeKind::ProjectManagement => &mut self.ce_project_management_hours,
        };
        *slot = Some(hours);
        self
    }

    /// What cannot be true of anyone: the rules the flags (whose ranges are these constants)
    /// and a hand-edited profile both obey.
    pub fn check(&self) -> Result<(), String> {
        self.check_each().map_err(|(_, why)| why)
    }

    /// As [`Facts::check`], naming the fact that breaks a rule.
    pub fn check_each(&self) -> Result<(), (&'static str, String)> {
        let bounds = [
            ("experience_years", self.experience_years, MAX_YEARS),
            ("healthcare_years", self.healthcare_years, MAX_YEARS),
            ("ce_hours", self.ce_hours, MAX_CE_HOURS),
            ("ce_health_it_hours", self.ce_health_it_hours, MAX_CE_HOURS),
            (
                "ce_informatics_hours",
                self.ce_informatics_hours,
                MAX_CE_HOURS,
            ),
            (
                "ce_project_management_hours",
                self.ce_project_management_hours,
                MAX_CE_HOURS,
            ),
        ];
        for (key, value, max) in bounds {
            if let Some(value) = value.filter(|v| *v > max) {
                return Err((key, format!("{value} is more than {max}")));
            }
        }
        if let (Some(experience), Some(healthcare)) = (self.experience_years, self.healthcare_years)
            && healthcare > experience
        {
            return Err((
                "healthcare_years",
                format!(
                    "healthcare years ({healthcare}) count within the years of experience \
                     ({experience}), so they cannot be more"
                ),
            ));
        }
        if let Some(total) = self.ce_hours {
            for kind in CeKind::ALL {
                if let Some(hours) = self.ce_hours_of(*kind)
                    && hours > total
                {
                    return Err((
                        Facts::ce_key(*kind),
                        format!(
                            "CE hours in {} ({hours}) count within the CE hours of every kind \
                             ({total}), so they cannot be more",
                            kind.label()
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_given_wins_over_the_one_stored_and_none_is_made_up() {
        let flags = Facts {
            experience_years: Some(6),
            rn: Some(false),
            ..Facts::default()
        };
        let stored = Facts {
            education: Some(Education::Bachelor),
            experience_years: Some(4),
            rn: Some(true),
            ..Facts::default()
        };
        let merged = flags.or(&stored);
        assert_eq!(merged.education, Some(Education::Bachelor));
        assert_eq!(merged.experience_years, Some(6));
        assert_eq!(merged.rn, Some(false));
        assert_eq!(merged.cahiim, None);
        assert!(!merged.is_empty() && Facts::default().is_empty());
        let shown = merged.shown();
        assert_eq!(
            shown[0],
            ("Education", Some("bachelor's degree".to_string()))
        );
        assert_eq!(shown[2], ("CAHIIM-accredited program", None));
    }

    #[test]
    fn healthcare_years_count_within_the_years_of_experience() {
        let facts = |experience, healthcare| Facts {
            experience_years: experience,
            healthcare_years: healthcare,
            ..Facts::default()
        };
        assert!(facts(Some(5), Some(5)).check().is_ok());
        assert!(facts(None, Some(9)).check().is_ok());
        let error = facts(Some(2), Some(3)).check().unwrap_err();
        assert!(error.starts_with("healthcare years (3)"), "{error}");
    }

    #[test]
    fn hours_of_one_kind_count_within_the_hours_of_every_kind() {
        let facts = |total, informatics| Facts {
            ce_hours: total,
            ce_informatics_hours: informatics,
            ..Facts::default()
        };
        assert!(facts(Some(30), Some(30)).check().is_ok());
        assert!(facts(None, Some(90)).check().is_ok());
        let error = facts(Some(10), Some(30)).check().unwrap_err();
        assert!(error.starts_with("CE hours in informatics (30)"), "{error}");
        let given = Facts::default().with_ce_hours_of(CeKind::HealthIt, 45);
        assert_eq!(given.ce_hours_of(CeKind::HealthIt), Some(45));
        assert_eq!(given.ce_hours_of(CeKind::Informatics), None);
    }
}

//! What a person knows of themselves, declared once: the profile's `[facts]`, the flags of
//! `eligible`, `plan` and `profile set` (converted in `cli.rs`), what `hi profile` shows, and
//! what the decisions read. A fact left out is not given: unknown, never "no".

use serde::{Deserialize, Serialize};

use crate::model::{Education, Field};

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
    /// Hours of continuing education in the field.
    ce_hours: u32, "CE hours in the field";
    /// Holds an active registered nurse licence.
    rn: bool, "Active RN licence";
}

/// The most years of experience anyone is taken to have: more is a typing error.
pub const MAX_YEARS: u32 = 80;
/// The most CE hours given as one fact.
pub const MAX_CE_HOURS: u32 = 100_000;

impl Facts {
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
}

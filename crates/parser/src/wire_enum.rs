//! Enums as Radarr puts them on the wire: written as camelCase names, read from
//! a name in any case or from the integer value .NET gives the member.

/// Declares a fieldless enum whose JSON form is Radarr's: serialized as its
/// camelCase name, deserialized from that name case-insensitively or from its
/// integer value.
///
/// ```
/// parser::wire_enum! {
///     /// A colour.
///     pub enum Colour { Red = 0 => "red", DarkBlue = 1 => "darkBlue" }
/// }
/// assert_eq!(serde_json::to_string(&Colour::DarkBlue).unwrap(), "\"darkBlue\"");
/// let c: Colour = serde_json::from_str("\"DARKBLUE\"").unwrap();
/// assert_eq!(c, Colour::DarkBlue);
/// let c: Colour = serde_json::from_str("0").unwrap();
/// assert_eq!(c, Colour::Red);
/// ```
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal => $wire:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($(#[$vmeta])* $variant = $value),+ }

        impl $name {
            /// Every member, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name Radarr writes on the wire.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// The member with this wire name, compared without regard to case.
            pub fn from_name(name: &str) -> Option<Self> {
                $(if name.eq_ignore_ascii_case($wire) { return Some($name::$variant); })+
                None
            }

            /// The member with this integer value.
            pub fn from_value(value: i64) -> Option<Self> {
                match value { $($value => Some($name::$variant),)+ _ => None }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::UnknownVariant;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_name(s)
                    .or_else(|| s.trim().parse::<i64>().ok().and_then(Self::from_value))
                    .ok_or_else(|| $crate::UnknownVariant {
                        kind: stringify!($name),
                        value: s.to_string(),
                    })
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl ::serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("one of ", $($wire, " "),+, "or its number"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(|_| E::invalid_value(::serde::de::Unexpected::Str(v), &self))
                    }
                    fn visit_i64<E: ::serde::de::Error>(self, v: i64) -> Result<$name, E> {
                        $name::from_value(v).ok_or_else(|| E::invalid_value(::serde::de::Unexpected::Signed(v), &self))
                    }
                    fn visit_u64<E: ::serde::de::Error>(self, v: u64) -> Result<$name, E> {
                        i64::try_from(v).ok().and_then($name::from_value)
                            .ok_or_else(|| E::invalid_value(::serde::de::Unexpected::Unsigned(v), &self))
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}

/// A name or number that is not a member of the enum it was read as.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{value}' is not a valid {kind}")]
pub struct UnknownVariant {
    /// The enum's name.
    pub kind: &'static str,
    /// What was given.
    pub value: String,
}

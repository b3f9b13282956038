//! A provider's actions (`POST /api/v3/{indexer|downloadclient}/action/{name}`):
//! what a field with `selectOptionsProviderAction` may be set to, asked of
//! the provider as the form describes it. The one action there is,
//! `newznabCategories`, lists a Newznab or Torznab indexer's categories from
//! its caps, or the standard movie categories when the caps cannot be read.

use std::time::Duration;

use domain::provider::{Provider, ProviderKind};
use indexers::{Category, ClientConfig, Implementation as Flavour};
use serde::Serialize;
use serde_json::{Value, json};

use crate::providers::indexers::{client, flavour};

/// The action that lists an indexer's categories.
pub const NEWZNAB_CATEGORIES: &str = "newznabCategories";

/// Categories of no use to a movie library (console, audio, PC, XXX,
/// other), left out as Radarr leaves them out.
const IGNORED: [i32; 5] = [1000, 3000, 4000, 6000, 7000];

/// Categories that only some want (TV, and the indexer's catch-all),
/// listed after the others.
const UNIMPORTANT: [i32; 2] = [0, 5000];

/// Someone is waiting on the form: a caps request gets less time than a
/// search does before the defaults are offered instead.
const CAPS_TIMEOUT: Duration = Duration::from_secs(10);

/// One choice of a select field, as Radarr's `FieldSelectOption` is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SelectOption {
    pub value: i32,
    pub name: String,
    pub order: i32,
    /// The category's number, shown beside its name.
    pub hint: String,
    /// A subcategory's parent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_value: Option<i32>,
}

/// The answer to action `name` for `provider` (of `kind`): `{"options": […]}`,
/// or JSON null for an action the provider does not have, as Radarr
/// answers it. `None` is a provider whose body could not be read, which
/// lists the defaults.
pub async fn request_action(kind: ProviderKind, name: &str, provider: Option<&Provider>) -> Value {
    let lists_categories = kind == ProviderKind::Indexer
        && name.eq_ignore_ascii_case(NEWZNAB_CATEGORIES)
        && provider.is_none_or(|p| matches!(flavour(p), Some(Flavour::Newznab | Flavour::Torznab)));
    if !lists_categories {
        return Value::Null;
    }
    let categories = match provider {
        Some(provider) => indexer_categories(provider).await,
        None => None,
    };
    json!({ "options": category_options(categories.unwrap_or_else(default_categories)) })
}

/// The categories the indexer's caps list; none when it cannot be asked
/// (no URL yet, unreachable, not a caps document).
async fn indexer_categories(provider: &Provider) -> Option<Vec<Category>> {
    let config = ClientConfig {
        timeout: CAPS_TIMEOUT,
        ..ClientConfig::default()
    };
    let indexer = client(provider, &config)?;
    match indexer.caps().await {
        Ok(caps) => Some(caps.categories.clone()),
        Err(error) => {
            tracing::info!(indexer = %provider.name, %error, "caps unreadable; offering the default categories");
            None
        }
    }
}

/// The Newznab standard's movie categories, offered when the indexer's own
/// cannot be read.
pub fn default_categories() -> Vec<Category> {
    let sub = |id, name: &str| Category {
        id,
        name: name.into(),
        subcategories: Vec::new(),
    };
    vec![Category {
        id: 2000,
        name: "Movies".into(),
        subcategories: vec![
            sub(2010, "Foreign"),
            sub(2020, "Other"),
            sub(2030, "SD"),
            sub(2040, "HD"),
            sub(2045, "UHD"),
            sub(2050, "BluRay"),
            sub(2060, "3D"),
        ],
    }]
}

/// The options a category select shows: the categories a movie library may
/// use (the unimportant ones last, else by number), each followed by its
/// subcategories by number.
pub fn category_options(mut categories: Vec<Category>) -> Vec<SelectOption> {
    categories.retain(|c| !IGNORED.contains(&c.id));
    categories.sort_by_key(|c| (UNIMPORTANT.contains(&c.id), c.id));
    let option = |category: &Category, parent: Option<i32>| SelectOption {
        value: category.id,
        name: category.name.clone(),
        order: 0,
        hint: format!("({})", category.id),
        parent_value: parent,
    };
    let mut options = Vec::new();
    for category in &categories {
        options.push(option(category, None));
        let mut subcategories: Vec<&Category> = category.subcategories.iter().collect();
        subcategories.sort_by_key(|c| c.id);
        options.extend(
            subcategories
                .into_iter()
                .map(|s| option(s, Some(category.id))),
        );
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: i32, name: &str, subcategories: Vec<Category>) -> Category {
        Category {
            id,
            name: name.into(),
            subcategories,
        }
    }

    #[test]
    fn other_media_is_left_out_and_tv_comes_after_movies() {
        let options = category_options(vec![
            category(5000, "TV", vec![category(5040, "HD", vec![])]),
            category(3000, "Audio", vec![]),
            category(
                2000,
                "Movies",
                vec![category(2045, "UHD", vec![]), category(2040, "HD", vec![])],
            ),
            category(100_001, "Movies HD x264", vec![]),
        ]);
        let values: Vec<i32> = options.iter().map(|o| o.value).collect();
        assert_eq!(values, [2000, 2040, 2045, 100_001, 5000, 5040]);
        assert_eq!(options[1].parent_value, Some(2000));
        assert_eq!(options[0].parent_value, None);
        assert_eq!(options[3].hint, "(100001)");
    }

    #[test]
    fn the_defaults_are_the_movie_categories() {
        let options = category_options(default_categories());
        assert_eq!(options[0].name, "Movies");
        assert_eq!(options.len(), 8);
        assert!(options[1..].iter().all(|o| o.parent_value == Some(2000)));
    }
}

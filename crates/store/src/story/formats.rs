//! The chapter on custom formats and the quality profiles that list them.

use domain::custom_format::CustomFormat;
use domain::quality_profile::FormatItem;

use crate::{Conflict, Store, StoreError};

use super::fixtures::{is_conflict, seeded};

fn format(name: &str, pattern: &str) -> CustomFormat {
    let json = format!(
        r#"{{"name":"{name}","includeCustomFormatWhenRenaming":true,"specifications":[
            {{"name":"title","implementation":"ReleaseTitleSpecification","negate":false,
              "required":true,"fields":{{"value":"{pattern}"}}}},
            {{"name":"size","implementation":"SizeSpecification","fields":{{"min":1,"max":2.5}}}}]}}"#
    );
    CustomFormat::from_json(&json).expect("a sound format")
}

fn with_id(mut format: CustomFormat, id: i32) -> CustomFormat {
    format.id = id;
    format
}

/// Each profile's format list, as (format id, name, score).
async fn listed(store: &dyn Store) -> Vec<Vec<(i32, String, i32)>> {
    let profiles = store.quality_profiles().await.expect("profiles");
    profiles
        .iter()
        .map(|p| {
            p.format_items
                .iter()
                .map(
                    |FormatItem {
                         format,
                         name,
                         score,
                     }| (*format, name.clone(), *score),
                )
                .collect()
        })
        .collect()
}

/// Formats are kept whole with unique names, and every quality profile
/// lists every format: new ones first at score 0, renamed ones under their
/// new name, deleted ones no more.
pub async fn custom_formats_are_listed_in_every_profile(store: &dyn Store) {
    seeded(store).await;
    let x265 = store
        .add_custom_format(&format("x265", r"(x|h)\\.?265"))
        .await
        .expect("add");
    assert!(x265.id > 0);
    assert_eq!(
        x265.specifications(),
        format("x265", r"(x|h)\\.?265").specifications()
    );
    assert!(x265.include_custom_format_when_renaming);
    is_conflict(
        store.add_custom_format(&format("x265", "other")).await,
        Conflict::FormatNameExists {
            name: "x265".into(),
        },
    );
    let lq = store
        .add_custom_format(&format("LQ", r"\\bYIFY\\b"))
        .await
        .expect("add");
    assert_eq!(
        store.custom_formats().await.expect("list"),
        vec![x265.clone(), lq.clone()]
    );
    let both = vec![
        (lq.id, "LQ".to_string(), 0),
        (x265.id, "x265".to_string(), 0),
    ];
    assert_eq!(listed(store).await, vec![both; 6]);

    // A score set in a profile survives changes to other formats.
    let mut profile = store.quality_profile(1).await.expect("profile");
    profile.format_items[1].score = 25;
    store
        .update_quality_profile(&profile)
        .await
        .expect("update profile");
    let mut renamed = format("x265 (HD)", "HEVC");
    renamed.id = x265.id;
    let saved = store.update_custom_format(&renamed).await.expect("rename");
    assert_eq!(saved, renamed);
    assert_eq!(
        listed(store).await[0],
        [
            (lq.id, "LQ".to_string(), 0),
            (x265.id, "x265 (HD)".to_string(), 25)
        ]
    );
    is_conflict(
        store
            .update_custom_format(&with_id(renamed.clone(), lq.id))
            .await,
        Conflict::FormatNameExists {
            name: "x265 (HD)".into(),
        },
    );
    let unknown = with_id(format("new", "x"), 999);
    assert!(matches!(
        store
            .update_custom_formats(&[renamed.clone(), unknown])
            .await,
        Err(StoreError::NotFound { id: 999, .. })
    ));
    assert_eq!(
        store.custom_format(x265.id).await.expect("read"),
        renamed,
        "a failed batch changes nothing"
    );

    store.delete_custom_format(lq.id).await.expect("delete");
    assert!(
        store
            .custom_format(lq.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
    assert_eq!(
        listed(store).await[0],
        [(x265.id, "x265 (HD)".to_string(), 25)]
    );
    store
        .delete_custom_formats(&[x265.id, 999])
        .await
        .expect("delete");
    assert!(store.custom_formats().await.expect("list").is_empty());
    assert!(listed(store).await.iter().all(Vec::is_empty));
    assert!(
        store
            .delete_custom_format(x265.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
}

/// Definitions' titles and sizes are saved all or none.
pub async fn quality_definitions_are_updated_together(store: &dyn Store) {
    seeded(store).await;
    let mut definitions = store.quality_definitions().await.expect("list");
    definitions[0].title = "Mystery".into();
    definitions[0].min_size = Some(1.5);
    definitions[0].max_size = None;
    definitions[1].preferred_size = Some(50.0);
    store
        .update_quality_definitions(&definitions[..2])
        .await
        .expect("update");
    assert_eq!(
        store.quality_definitions().await.expect("list"),
        definitions
    );
    let mut broken = definitions[..1].to_vec();
    broken[0].title = "Not saved".into();
    broken.push(domain::quality_definition::QualityDefinition {
        id: 999,
        ..definitions[2].clone()
    });
    assert!(matches!(
        store.update_quality_definitions(&broken).await,
        Err(StoreError::NotFound { id: 999, .. })
    ));
    assert_eq!(
        store.quality_definitions().await.expect("list")[0].title,
        "Mystery"
    );
}

//! The store story: what every backend must do, written once. A backend's
//! test file calls [`store_story!`](crate::store_story) with a function that
//! opens a fresh, empty store, and gets one test per chapter.

mod collections;
mod commands;
mod decision_settings;
mod downloads;
mod fixtures;
mod formats;
mod history;
mod indexer_status;
mod library;
mod providers;
mod scene_groups;
mod settings;

pub use collections::*;
pub use commands::*;
pub use decision_settings::*;
pub use downloads::*;
pub use fixtures::{full_movie, movie_file};
pub use formats::*;
pub use history::*;
pub use indexer_status::*;
pub use library::*;
pub use providers::*;
pub use scene_groups::*;
pub use settings::*;

/// Generates one `#[tokio::test]` per chapter of the story, each on a store
/// made by `$open` (an async fn returning a fresh, migrated, empty store).
#[macro_export]
macro_rules! store_story {
    ($open:path) => {
        $crate::store_story!(@chapters $open;
            seeding_defaults_is_idempotent, movie_round_trip, full_list_streams_every_movie,
            duplicate_tmdb_id_is_a_conflict, unknown_profile_is_a_conflict, update_saves_fields,
            search_time_is_recorded_alone, outlines_match_the_movies,
            bulk_add_is_all_or_nothing, delete_removes_movies_and_adds_exclusions,
            movie_file_is_read_with_its_movie, title_search_matches_word_prefixes,
            revision_changes_with_every_movie_write, writes_name_the_movies_they_touched,
            root_folders, tags, exclusions,
            quality_profiles, commands_merge_and_are_claimed_once,
            commands_end_and_are_requeued, scheduled_tasks_record_their_runs,
            collections_are_kept_once_and_updated, providers_are_kept_by_kind,
            history_is_paged_filtered_and_goes_with_its_movie, indexer_status_is_kept_per_indexer,
            custom_formats_are_listed_in_every_profile, quality_definitions_are_updated_together,
            release_profiles_are_kept, delay_profiles_keep_their_order, indexer_config_is_saved,
            tracked_downloads_follow_each_client, remote_path_mappings_are_kept,
            blocklist_is_kept_per_movie, config_text_is_kept_by_key,
            tracker_releases_follow_each_run, scene_groups_are_saved_by_the_completeness_rule,
            scene_groups_are_paged_and_sorted);
    };
    (@chapters $open:path; $($chapter:ident),+) => {
        $(
            #[tokio::test]
            async fn $chapter() {
                let store = $open().await;
                $crate::story::$chapter(&store).await;
            }
        )+
    };
}

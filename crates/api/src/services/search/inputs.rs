//! What a search decides with, read once per search or command: custom
//! formats, profiles, restrictions, delay profiles, indexer settings,
//! scene-group reputations, and the indexers themselves.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use ::indexers::Indexer;
use chrono::{DateTime, Utc};
use domain::custom_format::CustomFormat;
use domain::decision::{
    Candidate, DecisionContext, DelayProfile, IndexerConfig, IndexerSettings, ReleaseProfile,
    ReleaseSource,
};
use domain::download::TrackedDownload;
use domain::movie::Movie;
use domain::provider::Provider;
use domain::quality_definition::QualityDefinition;
use domain::release::Release;
use domain::scene_group::Reputations;

use super::fetch::Answer;
use crate::error::ApiResult;
use crate::providers::indexers;
use crate::services::grab::queued_releases;
use crate::services::indexer_status;
use crate::services::profile_cache::Profiles;
use crate::state::AppState;

/// The most a whole search may take, beyond which slow indexers are left
/// out: each request has its own timeout, and a search pages at most a few.
const SEARCH_DEADLINE: Duration = Duration::from_secs(90);

/// An enabled indexer and its client.
#[derive(Clone)]
pub struct ActiveIndexer {
    /// Its stored settings and switches.
    pub provider: Provider,
    /// Its client.
    pub client: Arc<dyn Indexer>,
}

/// Everything a search decides with.
pub struct SearchSettings {
    /// Every custom format.
    pub formats: Vec<CustomFormat>,
    /// Quality profiles by id.
    pub profiles: Profiles,
    /// Size limits per quality.
    pub definitions: Vec<QualityDefinition>,
    /// Every release profile.
    pub release_profiles: Vec<ReleaseProfile>,
    /// Every delay profile, by order.
    pub delay_profiles: Vec<DelayProfile>,
    /// The indexer settings (`/config/indexer`).
    pub config: IndexerConfig,
    /// Each indexer's settings the rules read.
    pub indexer_settings: Vec<IndexerSettings>,
    /// The indexers that may be asked.
    pub indexers: Vec<ActiveIndexer>,
    /// Indexers being left alone after failures.
    pub backed_off: Vec<i32>,
    /// The downloads being followed (the queue).
    pub downloads: Vec<TrackedDownload>,
    /// Each scored release group's reputation and the points it adds.
    pub reputations: Reputations,
}

impl SearchSettings {
    /// Reads them all.
    pub async fn load(state: &AppState) -> ApiResult<Self> {
        let indexers = state.indexers.active(state).await?;
        let backed_off = indexer_status::disabled(state.store.as_ref(), Utc::now())
            .await?
            .iter()
            .map(|status| status.provider_id)
            .collect();
        let reputations = Reputations::new(
            state.store.scene_group_scores().await?,
            &crate::services::scene_group_config::load(state).await?,
        );
        Ok(SearchSettings {
            formats: state.store.custom_formats().await?,
            profiles: state.profiles.get(state.store.as_ref()).await?,
            definitions: state.store.quality_definitions().await?,
            release_profiles: state.store.release_profiles().await?,
            delay_profiles: state.store.delay_profiles().await?,
            config: state.store.indexer_config().await?,
            indexer_settings: indexers
                .iter()
                .map(|i| indexers::decision_settings(&i.provider))
                .collect(),
            indexers,
            backed_off,
            downloads: state.store.tracked_downloads().await?,
            reputations,
        })
    }

    /// The custom formats by id.
    pub fn formats_by_id(&self) -> HashMap<i32, CustomFormat> {
        self.formats.iter().map(|f| (f.id, f.clone())).collect()
    }

    /// How long a whole search may take.
    pub fn deadline(&self) -> Duration {
        SEARCH_DEADLINE
    }

    /// The indexers to ask for `source` that are not backed off.
    pub fn indexers_for(&self, source: ReleaseSource) -> Vec<Arc<dyn Indexer>> {
        let switched_on = match source {
            ReleaseSource::Rss => indexers::rss_enabled,
            ReleaseSource::InteractiveSearch => indexers::interactive_search_enabled,
            ReleaseSource::Search | ReleaseSource::UserInvokedSearch => {
                indexers::automatic_search_enabled
            }
        };
        self.indexers
            .iter()
            .filter(|i| switched_on(&i.provider) && !self.backed_off.contains(&i.provider.id))
            .map(|i| Arc::clone(&i.client))
            .collect()
    }

    /// Records each indexer's outcome for its back-off, and gathers the
    /// releases of those that answered.
    pub async fn record_answers(&self, state: &AppState, answers: Vec<Answer>) -> Vec<Release> {
        let mut releases = Vec::new();
        for answer in answers {
            indexer_status::record(state, answer.indexer_id, &answer.outcome).await;
            if let Ok(found) = answer.outcome {
                releases.extend(found.releases);
            }
        }
        releases
    }

    /// The context to decide the movie's releases in; none when its
    /// quality profile is gone.
    pub async fn context(
        &self,
        state: &AppState,
        movie: Movie,
        source: ReleaseSource,
        now: DateTime<Utc>,
    ) -> ApiResult<Option<DecisionContext>> {
        let Some(profile) = self.profiles.by_id.get(&movie.quality_profile_id).cloned() else {
            return Ok(None);
        };
        let queue = queued_releases(state, movie.id, &self.downloads).await?;
        let blocklist = state.store.blocklist(&[movie.id]).await?;
        let movie_file_formats = movie
            .movie_file
            .as_ref()
            .map(|file| {
                domain::decision::file_formats(
                    file,
                    &movie,
                    &self.formats,
                    &profile,
                    &self.reputations,
                )
            })
            .unwrap_or_default();
        let delay_profile =
            domain::decision::delay_profile::for_tags(&self.delay_profiles, &movie.tags);
        let mut ctx = DecisionContext::new(movie, profile, now);
        ctx.quality_definitions = self.definitions.clone();
        ctx.movie_file_formats = movie_file_formats;
        ctx.queue = queue;
        ctx.blocklist = blocklist.iter().map(|entry| entry.item()).collect();
        ctx.release_profiles = self.release_profiles.clone();
        ctx.delay_profile = delay_profile;
        ctx.indexers = self.indexer_settings.clone();
        ctx.config = self.config.clone();
        ctx.source = source;
        Ok(Some(ctx))
    }

    /// The releases read and scored for the context's movie.
    pub fn candidates(&self, releases: Vec<Release>, ctx: &DecisionContext) -> Vec<Candidate> {
        let language = ctx.movie.metadata.parse().ok().map(|m| m.original_language);
        releases
            .into_iter()
            .map(|release| {
                Candidate::read(
                    release,
                    &self.formats,
                    &ctx.profile,
                    language,
                    &self.reputations,
                )
            })
            .collect()
    }
}

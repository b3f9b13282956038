//! Radarr's `/api/v3` over HTTP: routes, resource shapes, authentication and
//! the mapping of errors to Radarr's bodies. Handlers stay thin: they read the
//! request, call a service or the store, and shape the answer.
#![forbid(unsafe_code)]

pub mod auth;
pub mod commands;
pub mod error;
pub mod events;
pub mod extract;
pub mod json_input;
pub mod logs;
pub mod middleware;
pub mod providers;
pub mod resources;
mod routes;
pub mod services;
pub mod session;
pub mod signalr;
pub mod state;

pub use routes::{app, app_with, service, service_with};
pub use state::{ApiConfig, AppState, MetricsRenderer};

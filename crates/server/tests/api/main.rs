//! Integration tests: the real server, spoken to over HTTP.
// A failed unwrap in a test or its helpers is a failed test.
#![allow(clippy::unwrap_used)]

mod analyze_groups_cli;
mod auth;
mod backups;
mod calendar;
mod collections;
mod commands;
mod compat;
mod custom_formats;
mod decision_settings;
mod download_clients;
mod errors;
mod hdbits;
mod helpers;
mod history;
mod import_crash;
mod indexers;
mod library_files;
mod lifecycle;
mod login;
mod logs;
mod lookup;
mod media_cover;
mod metadata;
mod movies;
mod observability;
mod parse;
mod process;
mod queue;
mod real_clients;
mod scene_group_decisions;
mod scene_groups;
mod schedule;
mod search;
mod settings_lists;
mod signalr;
mod system;
mod web_pages;

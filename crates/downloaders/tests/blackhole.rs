//! The blackhole clients write what they are given, whole, where they are told.

use downloaders::{
    DownloadClient, DownloadError, Grab, Payload, TorrentBlackhole, UsenetBlackhole,
};

fn torrent_client(folder: &std::path::Path, magnets: bool) -> TorrentBlackhole {
    TorrentBlackhole {
        torrent_folder: folder.to_path_buf(),
        watch_folder: folder.to_path_buf(),
        save_magnet_files: magnets,
        magnet_file_extension: ".magnet".into(),
        read_only: true,
    }
}

#[tokio::test]
async fn a_torrent_or_magnet_is_written_under_its_release_title() {
    let folder = tempfile::tempdir().expect("folder");
    let client = torrent_client(folder.path(), true);
    client.test().await.expect("a writable folder passes");
    let grab = Grab {
        title: "The.Matrix.1999.1080p.BluRay.x264-GROUP".into(),
        payload: Payload::Torrent(b"d8:announce...e".to_vec()),
        recent: false,
    };
    assert_eq!(client.add(&grab).await.expect("written"), None);
    let written = folder
        .path()
        .join("The.Matrix.1999.1080p.BluRay.x264-GROUP.torrent");
    assert_eq!(
        std::fs::read(&written).expect("the file"),
        b"d8:announce...e"
    );
    let magnet = Grab {
        title: "Movie: Title? 2020".into(),
        payload: Payload::Magnet("magnet:?xt=urn:btih:abc".into()),
        recent: false,
    };
    client.add(&magnet).await.expect("written");
    let names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.ends_with(".magnet") && !n.contains('?')),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.ends_with(".partial")), "{names:?}");
}

#[tokio::test]
async fn what_a_client_cannot_take_is_refused_with_the_reason() {
    let folder = tempfile::tempdir().expect("folder");
    let magnet = Grab {
        title: "Movie 2020".into(),
        payload: Payload::Magnet("magnet:?xt=urn:btih:abc".into()),
        recent: false,
    };
    let refused = torrent_client(folder.path(), false).add(&magnet).await;
    assert!(matches!(refused, Err(DownloadError::Unsupported(_))));
    let usenet = UsenetBlackhole {
        nzb_folder: folder.path().to_path_buf(),
        watch_folder: folder.path().to_path_buf(),
    };
    assert!(matches!(
        usenet.add(&magnet).await,
        Err(DownloadError::Unsupported(_))
    ));
    let nzb = Grab {
        title: "Movie 2020".into(),
        payload: Payload::Nzb(b"<nzb/>".to_vec()),
        recent: false,
    };
    usenet.add(&nzb).await.expect("written");
    assert!(folder.path().join("Movie 2020.nzb").exists());
}

#[tokio::test]
async fn a_missing_folder_fails_the_test_with_its_path() {
    let folder = tempfile::tempdir().expect("folder");
    let missing = folder.path().join("nope");
    let client = torrent_client(&missing, false);
    let error = client.test().await.expect_err("missing");
    assert!(error.to_string().contains("does not exist"), "{error}");
    assert!(error.to_string().contains("nope"), "{error}");
}

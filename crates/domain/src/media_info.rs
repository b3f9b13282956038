//! What ffprobe reads from a video file (`ffprobe -show_format
//! -show_streams` as JSON), as Radarr's media info names it: codecs as
//! Radarr writes them (`x264`, `h265`, `DTS-HD MA`), channels as 5.1,
//! resolution, run time, HDR.

use serde_json::Value;

use crate::movie_file::MediaInfo;

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn number(value: &Value, key: &str) -> Option<f64> {
    match value.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn streams<'a>(probe: &'a Value, kind: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    probe
        .get("streams")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(move |s| text(s, "codec_type") == kind)
}

fn language(stream: &Value) -> Option<&str> {
    stream
        .get("tags")
        .and_then(|t| t.get("language"))
        .and_then(Value::as_str)
        .filter(|l| !l.is_empty() && *l != "und")
}

fn video_codec(stream: &Value, encoder: &str) -> String {
    let encoder = encoder.to_ascii_lowercase();
    match text(stream, "codec_name") {
        "h264" if encoder.contains("x264") => "x264".into(),
        "h264" => "h264".into(),
        "hevc" if encoder.contains("x265") => "x265".into(),
        "hevc" => "h265".into(),
        "mpeg4" => match text(stream, "codec_tag_string")
            .to_ascii_uppercase()
            .as_str()
        {
            "XVID" => "XviD".into(),
            "DX50" | "DIVX" => "DivX".into(),
            _ => "MPEG4".into(),
        },
        "mpeg2video" => "MPEG2".into(),
        "av1" => "AV1".into(),
        "vp9" => "VP9".into(),
        "vc1" => "VC1".into(),
        other => other.to_ascii_uppercase(),
    }
}

fn audio_codec(stream: &Value) -> String {
    let profile = text(stream, "profile");
    match text(stream, "codec_name") {
        "aac" => "AAC".into(),
        "ac3" => "AC3".into(),
        "eac3" if profile.contains("Atmos") => "EAC3 Atmos".into(),
        "eac3" => "EAC3".into(),
        "dts" if profile.contains("MA") => "DTS-HD MA".into(),
        "dts" if profile.contains("HRA") || profile.contains("HD") => "DTS-HD HRA".into(),
        "dts" if profile.contains("X") => "DTS-X".into(),
        "dts" => "DTS".into(),
        "truehd" if profile.contains("Atmos") => "TrueHD Atmos".into(),
        "truehd" => "TrueHD".into(),
        "flac" => "FLAC".into(),
        "opus" => "Opus".into(),
        "vorbis" => "Vorbis".into(),
        "mp3" => "MP3".into(),
        "mp2" => "MP2".into(),
        pcm if pcm.starts_with("pcm") => "PCM".into(),
        other => other.to_ascii_uppercase(),
    }
}

/// Channels as Radarr writes them: 6 is 5.1, 8 is 7.1, 2 is 2.0.
fn channels(count: f64) -> f64 {
    match count as i64 {
        6 => 5.1,
        7 => 6.1,
        8 => 7.1,
        n => n as f64,
    }
}

/// Frames a second from `24000/1001`.
fn frame_rate(rate: &str) -> f64 {
    let Some((num, den)) = rate.split_once('/') else {
        return rate.parse().unwrap_or(0.0);
    };
    match (num.parse::<f64>(), den.parse::<f64>()) {
        (Ok(n), Ok(d)) if d > 0.0 => (n / d * 1000.0).round() / 1000.0,
        _ => 0.0,
    }
}

/// Seconds as H:MM:SS.
fn run_time(seconds: f64) -> String {
    let total = seconds.max(0.0).round() as i64;
    format!("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60)
}

/// The media info in ffprobe's JSON; `None` when it lists no video stream.
pub fn from_ffprobe(probe: &Value) -> Option<MediaInfo> {
    let video = streams(probe, "video").find(|s| {
        // Cover art is a video stream too, of one picture.
        s.get("disposition")
            .and_then(|d| d.get("attached_pic"))
            .and_then(Value::as_i64)
            != Some(1)
    })?;
    let format = probe.get("format").cloned().unwrap_or(Value::Null);
    let encoder = video
        .get("tags")
        .and_then(|t| t.get("encoder").or_else(|| t.get("ENCODER")))
        .and_then(Value::as_str)
        .or_else(|| {
            format
                .get("tags")
                .and_then(|t| t.get("encoder"))
                .and_then(Value::as_str)
        })
        .unwrap_or_default();
    let audio: Vec<&Value> = streams(probe, "audio").collect();
    let first_audio = audio.first().copied().unwrap_or(&Value::Null);
    let transfer = text(video, "color_transfer");
    let dolby_vision = video
        .get("side_data_list")
        .and_then(Value::as_array)
        .is_some_and(|list| {
            list.iter()
                .any(|d| text(d, "side_data_type").contains("DOVI"))
        });
    let range_type = if dolby_vision {
        "DV"
    } else {
        match transfer {
            "smpte2084" => "HDR10",
            "arib-std-b67" => "HLG",
            _ => "",
        }
    };
    let bit_depth = number(video, "bits_per_raw_sample")
        .map(|b| b as i32)
        .unwrap_or_else(|| {
            if text(video, "pix_fmt").contains("10") {
                10
            } else {
                8
            }
        });
    let join = |kind: &str| {
        streams(probe, kind)
            .filter_map(language)
            .collect::<Vec<_>>()
            .join("/")
    };
    Some(MediaInfo {
        audio_bitrate: number(first_audio, "bit_rate").unwrap_or(0.0) as i64,
        audio_channels: number(first_audio, "channels").map(channels).unwrap_or(0.0),
        audio_codec: if audio.is_empty() {
            String::new()
        } else {
            audio_codec(first_audio)
        },
        audio_languages: join("audio"),
        audio_stream_count: audio.len() as i32,
        video_bit_depth: bit_depth,
        video_bitrate: number(video, "bit_rate")
            .or_else(|| number(&format, "bit_rate"))
            .unwrap_or(0.0) as i64,
        video_codec: video_codec(video, encoder),
        video_fps: frame_rate(text(video, "r_frame_rate")),
        video_dynamic_range: if range_type.is_empty() {
            String::new()
        } else {
            "HDR".into()
        },
        video_dynamic_range_type: range_type.into(),
        resolution: format!(
            "{}x{}",
            number(video, "width").unwrap_or(0.0) as i64,
            number(video, "height").unwrap_or(0.0) as i64
        ),
        run_time: run_time(number(&format, "duration").unwrap_or(0.0)),
        scan_type: match text(video, "field_order") {
            "tt" | "bb" | "tb" | "bt" => "Interlaced".into(),
            _ => "Progressive".into(),
        },
        subtitles: join("subtitle"),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_hdr_film_with_a_lossless_track_reads_as_radarr_names_it() {
        let probe = json!({
            "streams": [
                {"codec_type": "video", "codec_name": "hevc", "width": 3840, "height": 1600,
                 "r_frame_rate": "24000/1001", "pix_fmt": "yuv420p10le", "color_transfer": "smpte2084",
                 "tags": {"encoder": "x265 (build 199)"}},
                {"codec_type": "audio", "codec_name": "truehd", "profile": "Dolby TrueHD + Dolby Atmos",
                 "channels": 8, "tags": {"language": "eng"}},
                {"codec_type": "audio", "codec_name": "ac3", "channels": 6, "tags": {"language": "fre"}},
                {"codec_type": "subtitle", "codec_name": "subrip", "tags": {"language": "eng"}},
                {"codec_type": "video", "codec_name": "mjpeg", "disposition": {"attached_pic": 1}}
            ],
            "format": {"duration": "8170.4", "bit_rate": "45000000"}
        });
        let info = from_ffprobe(&probe).unwrap();
        assert_eq!(info.video_codec, "x265");
        assert_eq!(info.video_bit_depth, 10);
        assert_eq!(
            (
                info.video_dynamic_range.as_str(),
                info.video_dynamic_range_type.as_str()
            ),
            ("HDR", "HDR10")
        );
        assert_eq!(info.resolution, "3840x1600");
        assert_eq!(info.video_fps, 23.976);
        assert_eq!(info.audio_codec, "TrueHD Atmos");
        assert_eq!(info.audio_channels, 7.1);
        assert_eq!(info.audio_stream_count, 2);
        assert_eq!(info.audio_languages, "eng/fre");
        assert_eq!(info.subtitles, "eng");
        assert_eq!(info.run_time, "2:16:10");
        assert_eq!(
            info.video_bitrate, 45_000_000,
            "the container's when the stream has none"
        );
    }

    #[test]
    fn without_a_video_stream_there_is_no_media_info() {
        let probe =
            json!({"streams": [{"codec_type": "audio", "codec_name": "mp3"}], "format": {}});
        assert!(from_ffprobe(&probe).is_none());
        assert!(from_ffprobe(&json!({})).is_none());
    }
}

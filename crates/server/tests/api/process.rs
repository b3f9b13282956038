//! The server binary run as its own process, as a user runs it: for the
//! tests of its flags, signals, and what a kill leaves behind.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_unified-radarr");

/// A server process started on port 0, with the address it reported.
pub struct Running {
    child: std::process::Child,
    /// Everything it printed, line by line, as it prints.
    lines: std::sync::mpsc::Receiver<String>,
    printed: Vec<String>,
}

impl Running {
    /// Starts the binary on `data` and waits until it says where it listens
    /// (port 0: the system picks a free port, so no other test can take it).
    pub fn start(data: &Path) -> Running {
        Running::start_with(data, &[], &[])
    }

    /// Starts the binary on `data` with these environment variables and
    /// further arguments to `serve`.
    pub fn start_with(data: &Path, env: &[(&str, &str)], args: &[&str]) -> Running {
        let mut child = Command::new(BIN)
            .args(["serve", "--bind-address", "127.0.0.1", "--port", "0"])
            .args(["--log-level", "info"])
            .arg("--data-dir")
            .arg(data)
            .args(args)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        for output in [
            child
                .stdout
                .take()
                .map(|o| Box::new(o) as Box<dyn std::io::Read + Send>),
            child
                .stderr
                .take()
                .map(|e| Box::new(e) as Box<dyn std::io::Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in
                    std::io::BufRead::lines(std::io::BufReader::new(output)).map_while(Result::ok)
                {
                    let _ = tx.send(line);
                }
            });
        }
        Running {
            child,
            lines,
            printed: Vec::new(),
        }
    }

    /// The line that says it listens, or everything it printed before it stopped.
    pub fn wait_until_listening(&mut self) {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let listening = line.contains("is listening");
                    self.printed.push(line);
                    if listening {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("the server did not come up: {:?}", self.printed);
    }

    /// Sends SIGTERM and waits for the exit; true when it exited cleanly.
    pub fn stop(self) -> (bool, Vec<String>) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.finish()
    }

    /// Waits for the exit; true when it exited cleanly, and all it printed.
    pub fn finish(mut self) -> (bool, Vec<String>) {
        let exited = self.child.wait().unwrap();
        // The reader threads end with the process's output.
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(5)) {
            self.printed.push(line);
        }
        (exited.success(), self.printed)
    }
}

impl Running {
    /// The base URL it listens on, read from its "listening" line.
    pub fn base_url(&self) -> String {
        let line = self
            .printed
            .iter()
            .find(|l| l.contains("is listening"))
            .expect("it listens");
        let start = line.find("127.0.0.1:").expect("an address");
        let port: String = line[start + "127.0.0.1:".len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        format!("http://127.0.0.1:{port}")
    }
}

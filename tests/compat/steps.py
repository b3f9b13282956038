"""What the pyarr scripts share: checks, and steps that print one line each and
stop at the first failure with the reason."""

from __future__ import annotations

import sys
import traceback
from typing import Callable

from pyarr.exceptions import PyarrError


class CompatFailure(Exception):
    """A server answer that a pyarr user would not get from Radarr."""


def check(condition: bool, message: str) -> None:
    """Like assert, but not stripped by `python -O`."""
    if not condition:
        raise CompatFailure(message)


class Runner:
    """Runs named steps; the last line it prints is "LABEL: N passed, M failed"."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.passed = 0

    def step(self, name: str, action: Callable[[], str]) -> None:
        try:
            detail = action()
        except CompatFailure as error:
            self.fail(name, str(error))
        except PyarrError as error:
            self.fail(name, f"pyarr raised {type(error).__name__}: {error}")
        except Exception as error:  # noqa: BLE001 - any other error is a failure too
            traceback.print_exc(file=sys.stderr)
            self.fail(name, f"{type(error).__name__}: {error}")
        self.passed += 1
        print(f"ok   {name}: {detail}", flush=True)

    def fail(self, name: str, message: str) -> None:
        print(f"FAIL {name}: {message}", flush=True)
        print(f"{self.label}: {self.passed} passed, 1 failed", flush=True)
        sys.exit(1)

    def done(self) -> int:
        print(f"{self.label}: {self.passed} passed, 0 failed", flush=True)
        return 0

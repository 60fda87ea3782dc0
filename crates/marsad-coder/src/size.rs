//! Casualty and arrest counts (issue 4): PLOVER `size`.

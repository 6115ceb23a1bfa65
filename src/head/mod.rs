//! Pure functions over the lines of a head: line ends, the start line,
//! field lines and field values with a syntax of their own.

pub(crate) mod field;
pub(crate) mod host;
pub(crate) mod line;
pub(crate) mod start_line;
pub(crate) mod target;

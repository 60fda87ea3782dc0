//! Event dates from the text (issue 4): relative and explicit date expressions.

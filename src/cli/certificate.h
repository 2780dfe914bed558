// The screening certificate (`embargo screen --certificate FILE.html`): a
// self-contained HTML page an auditor keeps beside a screening run, saying
// what was screened (the name and its fields, or the input file with its
// SHA-256 and row count), when, by whom, with which embargo and settings,
// against which lists (each dataset's version date, entity count, source and
// the source file's SHA-256), and with what result (the matches of a single
// name; a batch's counts, its alerts and the SHA-256 of the results file).
// No scripts, no URLs. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "embargo/lists.h"
#include "embargo/screener.h"

namespace embargo::cli {

struct CertificateRun {
  std::string at;        // UTC, ISO 8601
  std::string by;        // the OS user
  std::string version;   // embargo's
  std::string settings;  // "threshold 0.80, cutoff ..., limit 5"
  std::vector<Dataset> datasets;
  // Single name: the query and its matches.
  const Query* query = nullptr;
  std::vector<Match> matches;
  // Batch: the input, the counts and the alert lines (AlertSummary).
  std::string input, input_sha256;
  size_t rows = 0, screened = 0, with_warnings = 0, not_screened = 0, alerted = 0;
  std::vector<std::string> alerts;
  std::string output, output_sha256;  // the results file ("" = standard output)
};

// SHA-256 of the file at `path`, or "" when it cannot be read.
std::string FileSha256(const std::string& path);

std::string CertificateHtml(const CertificateRun& run);

}  // namespace embargo::cli

// `embargo payments screen FILE|DIR`: reads ISO 20022 and SWIFT MT payment
// messages (src/payments), screens each against the lists and the
// embargoed jurisdictions, and writes one JSON line per message
// (payments/screening_json.h) with its decision and hits; a message that
// cannot be read is a line with its "error" and the batch goes on.
// --print-holds also prints each held message's reasons, readably.
// With --store, the lists are the store's latest versions (--as-of: those
// in force that day) unless --lists or --index is given, the store's
// good-guy entries clear the hits they cover (reported under "cleared"),
// each held message becomes a payment case (store/payment_cases.h) and the
// audit head is published.
// `embargo payments cases list|show|decide` (payment_cases_command.cc): the
// held messages, and an analyst's release (a false positive: its hits
// become good-guy entries) or block.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/open_screener.h"
#include "embargo/screener.h"
#include "store/audit_head.h"
#include "store/four_eyes.h"

namespace embargo::cli {

struct PaymentsArgs {
  ListSource source;
  std::vector<std::string> inputs;  // files or folders
  std::string output;               // "" or "-" = stdout
  std::string embargoes;            // the embargo table CSV; "" = the shipped one
  double threshold = kDefaultThreshold;
  int threads = 0;
  bool print_holds = false;
};

// Exit codes: 0 every message read; 1 the lists, the embargo table or the
// output failed; 3 some messages could not be read (their lines carry
// "error").
int RunPaymentsScreen(const PaymentsArgs& args, std::ostream& out, std::ostream& err);

struct PaymentCasesArgs {
  std::string store;
  store::AnchorOptions audit;
  std::string status;  // list: held, released or blocked; "" = all
  long long limit = 50;
  std::string format = "text";  // list: text or json (JSON lines)
  long long id = 0;
  std::string decision;  // decide: released or blocked
  std::string note;
  std::string analyst;              // "" = the OS user (decide, review)
  store::FourEyesPolicy four_eyes;  // decide
  bool approve = false;             // review: --approve
  bool reject = false;              // review: --reject
};
// Exit codes: 0 done; 1 the store failed, no such case, or a case that is
// not held decided.
int RunPaymentCasesList(const PaymentCasesArgs& args, std::ostream& out, std::ostream& err);
int RunPaymentCasesShow(const PaymentCasesArgs& args, std::ostream& out, std::ostream& err);
int RunPaymentCasesDecide(const PaymentCasesArgs& args, std::ostream& out, std::ostream& err);
// Approves or rejects a release waiting for review (four-eyes), as someone
// other than its analyst; 2 (usage) unless exactly one of --approve and
// --reject is given.
int RunPaymentCasesReview(const PaymentCasesArgs& args, std::ostream& out, std::ostream& err);

}  // namespace embargo::cli

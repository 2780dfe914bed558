// Reads SWIFT MT messages in FIN block form ({1:}{2:}{3:}{4:...-}{5:}):
// MT103 (and 103 STP / REMIT), MT202 and MT202COV, one or several per
// file: concatenated, or in .rje batches separated by '$'; CRLF or LF.
// An acknowledgement (service 21, {1:F21...}{4:{177:}{451:}}) that
// precedes a message is skipped. Other message types are read for their
// party and agent fields all the same (the fields keep their meaning).
//
// Parties come in this order: instructing_agent (the sender: block 1's
// address in an input message, the MIR in block 2 of an output one, paths
// "{1:}" / "{2:}"), instructed_agent (the receiver), then block 4's fields
// as written, each with its tag as path (":57D:"). Fields map to the ISO
// 20022 roles (message.h): 50A/F/K debtor (50C/L, MT101's instructing
// party: initiating_party), 59/59A/F creditor, 52a debtor_agent, 53a
// senders_correspondent, 54a receivers_correspondent, 55a
// third_reimbursement, 56a intermediary_agent1, 57a creditor_agent; in an
// MT 2xx 52a is the debtor and 58a the creditor, both with agent = true.
// In MT202COV (and any MT 2xx) the first 50a opens sequence B, the
// underlying customer transfer: its fields' paths start ":B:" (":B:50K:",
// ":B:57A:", ":B:70:") and its 52a is the debtor_agent again. Options A
// (BIC), B (location), C, D (name and address) and the party identifier
// line ("/account", "/C/account", "//FW021000018" as clearing_id) are
// read. 50F/59F numbered lines give the name (1/, joined), address (2/),
// country and town (3/), birth date (4/), birth country and place (5/),
// ids (6/, 7/, continued by 8/). :70:, :72:, :77B:, :77T: and :79: are
// free text, each line as written.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "payments/message.h"

namespace embargo::payments {

// One entry per message, in file order. A message whose blocks or fields
// cannot be read is an entry with an error at the line (and column) of the
// problem: "message 2: block 4 is not closed by '-}'", "message 1: MT103
// has no field :20:", "message 3: field :32A: '...' is not a value date,
// currency and amount", "message 1: invalid UTF-8 byte 0xFF"; so is text
// between messages ("unexpected text between messages: '...'"). The next
// message is still read. Empty or blank input gives no entries.
std::vector<ParsedMessage> ParseSwiftMt(std::string_view bytes, const std::string& file);

}  // namespace embargo::payments

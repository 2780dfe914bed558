// Reads ISO 20022 customer and institution credit transfers: pacs.008
// (.001.02 to .001.12), pacs.009 (with and without COV's underlying
// customer transfer) and pain.001 (.001.03 to .001.12), bare or wrapped in
// a business application header (head.001 AppHdr) or a SWIFT envelope.
// The message is recognised by its namespace (urn:iso:std:iso:20022:tech:
// xsd:pacs.008.001.08, also national variants ending in the same name) or,
// without one, by its root element (FIToFICstmrCdtTrf, FICdtTrf,
// CstmrCdtTrfInitn). Elements are read by local name, so prefixes do not
// matter.
//
// Each credit transfer transaction (CdtTrfTxInf) is one Message: it
// carries the group header's instructing / instructed agents and, for
// pain.001, its payment information block's debtor, debtor account and
// debtor agent, so every payment is screened with every party it touches.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "payments/message.h"

namespace embargo::payments {

// One entry per transaction, in document order. A document that is not
// well-formed XML, not valid UTF-8 (also after character references are
// decoded), not a message this reader knows, or without a transaction is
// one entry with an error ("file:line: ..."). Once the document is read,
// every transaction is: an element a transaction lacks is left empty (the
// schema's checks are xmllint's, not the screener's).
std::vector<ParsedMessage> ParseIso20022(std::string_view bytes, const std::string& file);

}  // namespace embargo::payments

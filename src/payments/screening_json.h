// The JSON shape of a screened payment message, shared by `embargo payments
// screen` (one line per message), POST /payments/screen and the stored
// cases:
//   {"file", "line", "syntax", "type", "id", "uetr", "amount", "currency",
//    "date", "decision": "pass"|"hold", "case_id" (with a store), "reasons": [...],
//    "hits": [{"path", "role", "kind", "text", "score", "detail",
//              "entity": {"id", "dataset", "source_id", "schema", "caption"},
//              "place": {"jurisdiction", "kind", "name", "legal_basis"},
//              "explanation": {...}}],
//    "cleared": [...hits a good-guy decision cleared...],
//    "parties": [{"role", "agent", "path", "name", "bic", "account",
//                 "country", "town"}]}
// and for a message that could not be read {"file", "line", "error"}.
// Pure functions.
#pragma once

#include <string>

#include "common/json_writer.h"
#include "embargo/status.h"
#include "payments/message.h"
#include "payments/payment_screener.h"

namespace embargo::payments {

// `case_id` > 0: the payment case the held message became ("case_id").
void WriteScreening(JsonWriter& w, const Message& message, const Screening& screening,
                    int64_t case_id = 0);
void WriteHit(JsonWriter& w, const Hit& hit);
void WriteParseError(JsonWriter& w, const Error& error);

// The message's content as JSON: type, ids, amount, every party (all its
// fields) and the free text; not where it was read from. Two reads of the
// same payment give the same text.
void WriteMessageContent(JsonWriter& w, const Message& message);
// SHA-256 (hex) of WriteMessageContent's text: a held message's identity
// in the store, whatever file it came in.
std::string MessageDigest(const Message& message);

// The field a good-guy decision covers for a hit (message.h roles): the
// party's role ("creditor"), or for free text the path without indexes
// ("CdtTrfTxInf/RmtInf/Ustrd", ":70:").
std::string GoodGuyField(const Hit& hit);
// The text a good-guy entry for `hit` covers: for a hit in free text the
// whole field (releasing "FORTUNE COOKIE ORDER" must not clear "CHARTER
// HIRE M/V FORTUNE"), else what matched (the party's name, the BIC).
const std::string& GoodGuyText(const Hit& hit);

std::string_view SyntaxName(Syntax syntax);

}  // namespace embargo::payments

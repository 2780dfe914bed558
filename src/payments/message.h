// A payment message as embargo screens it: every party and agent with its
// role and the field it came from, every account, and the free text, read
// from ISO 20022 (pacs.008, pacs.009, pain.001) or SWIFT MT (103, 202,
// 202COV) by the parsers beside this file. The same payment read from
// either syntax gives the same roles, names, BICs and countries, so one
// screening serves both (see DOMAIN.md §6). Plain value types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "embargo/status.h"

namespace embargo::payments {

enum class Syntax { kIso20022, kSwiftMt };

// A postal address as the message gives it: structured parts where the
// syntax has them (ISO StrtNm, TwnNm, Ctry; MT 50F/59F line 3/), else free
// lines (ISO AdrLine, the MT 50K/59 lines after the name).
struct PostalAddress {
  std::vector<std::string> lines;
  std::string street;
  std::string building;
  std::string post_code;
  std::string town;
  std::string subdivision;
  std::string country;  // ISO 3166 alpha-2, upper case, as written
  bool empty() const {
    return lines.empty() && street.empty() && building.empty() && post_code.empty() &&
           town.empty() && subdivision.empty() && country.empty();
  }
};

// The roles a party or an agent can play (the JSON names; docs/PAYMENTS.md
// has the table of ISO elements and MT fields):
//   parties: debtor, creditor, ultimate_debtor, ultimate_creditor,
//            initiating_party. MT 50a is the debtor, 59a the creditor.
//   agents:  debtor_agent (MT 52a), creditor_agent (57a),
//            intermediary_agent1..3 (56a = 1), instructing_agent and
//            instructed_agent (MT: the sender and receiver of blocks 1-2),
//            previous_instructing_agent1..3, senders_correspondent (53a;
//            ISO InstgRmbrsmntAgt), receivers_correspondent (54a;
//            InstdRmbrsmntAgt), third_reimbursement (55a; ThrdRmbrsmntAgt),
//            forwarding_agent (FwdgAgt), charges_agent, charges_account_agent.
//   A bank-to-bank transfer (pacs.009, MT 202) names its banks debtor and
//   creditor with agent = true (MT 202: 52a and 58a); the underlying
//   customer transfer of a cover payment keeps the customer roles, told
//   apart by the path (".../UndrlygCstmrCdtTrf/Dbtr", ":B:50K:").
struct Party {
  std::string role;
  bool agent = false;       // a financial institution
  std::string path;         // where it was read: "CdtTrfTxInf[1]/Cdtr", ":59F:", "{2:} receiver"
  std::string name;         // joined when the syntax splits it over lines; may be empty
  std::string bic;          // as written, upper case (8 or 11 characters), or empty
  std::string clearing_id;  // "USABA/111111111", MT "//FW021000018"
  std::string lei;
  std::vector<std::string> other_ids;  // ISO Id/OrgId/Othr/Id, PrvtId/Othr/Id; MT 50F 6/ 7/
  std::string account;                 // IBAN or other account id, spaces removed
  std::string iban_country;            // ISO alpha-2 of a valid-looking IBAN
  PostalAddress address;
  std::string country_of_residence;  // ISO CtryOfRes
  std::string birth_date;            // ISO BirthDt / MT 50F 4/ (YYYY-MM-DD)
  std::string birth_place;           // CityOfBirth / 50F 5/ (town, possibly with country)
  std::string birth_country;         // CtryOfBirth
  // Unstructured lines of MT 50K / 59 / 57D / ...: name and address as the
  // sender typed them, 35 characters each. `name` is the first line; the
  // lines are screened again as free text, since a name may wrap.
  std::vector<std::string> lines;
};

// Free text: remittance information (ISO RmtInf/Ustrd, MT :70:), purpose,
// regulatory reporting (RgltryRptg, :77B:), sender-to-receiver
// information (:72:), instructions for agents.
struct FreeText {
  std::string path;  // "CdtTrfTxInf[1]/RmtInf/Ustrd", ":70:"
  std::string text;  // lines joined by '\n'
};

struct Message {
  Syntax syntax = Syntax::kIso20022;
  std::string type;            // "pacs.008.001.08", "pain.001.001.03", "MT103", "MT202COV"
  std::string file;            // the file it came from (for messages and errors)
  int line = 0;                // 1-based line where the message (ISO: the transaction) starts
  std::string id;              // ISO MsgId + "/" + EndToEndId (or InstrId); MT :20:
  std::string uetr;            // ISO UETR or MT {3:{121:}}
  std::string amount;          // "51.74" (MT's comma read as a point)
  std::string currency;        // "USD"
  std::string date;            // settlement / execution / value date, YYYY-MM-DD
  std::vector<Party> parties;  // parties and agents in the order the message gives them
  std::vector<FreeText> free_text;
};

// One entry of a parsed file: a message, or the error that stopped one
// message of a batch (the others still parse).
struct ParsedMessage {
  std::optional<Message> message;
  std::optional<Error> error;
};

}  // namespace embargo::payments

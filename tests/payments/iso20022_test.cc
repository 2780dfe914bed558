#include "payments/iso20022.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "common/file.h"
#include "test_paths.h"

namespace embargo::payments {
namespace {

// What the sample tests pin of each party (fields left out of the
// designated initialisers are expected empty).
struct PartyRow {
  std::string role = {};
  std::string path = {};
  bool agent = false;
  std::string name = {};
  std::string bic = {};
  std::string clearing_id = {};
  std::string account = {};
  std::string iban_country = {};
  std::string country = {};
  std::string town = {};
  bool operator==(const PartyRow&) const = default;
};

void PrintTo(const PartyRow& row, std::ostream* os) {
  *os << "{" << row.role << " " << row.path << (row.agent ? " agent" : "") << " name='" << row.name
      << "' bic=" << row.bic << " clearing=" << row.clearing_id << " account=" << row.account
      << " iban_country=" << row.iban_country << " country=" << row.country << " town='" << row.town
      << "'}";
}

PartyRow Row(const Party& party) {
  return {party.role,        party.path,         party.agent,
          party.name,        party.bic,          party.clearing_id,
          party.account,     party.iban_country, party.address.country,
          party.address.town};
}

using TextRow = std::pair<std::string, std::string>;  // path, text

struct MessageRow {
  std::string type = {};
  int line = 0;
  std::string id = {};
  std::string uetr = {};
  std::string amount = {};
  std::string currency = {};
  std::string date = {};
  std::vector<PartyRow> parties = {};
  std::vector<TextRow> free_text = {};
};

void ExpectMessage(const Message& actual, const MessageRow& expected) {
  EXPECT_EQ(actual.syntax, Syntax::kIso20022);
  EXPECT_EQ(actual.type, expected.type);
  EXPECT_EQ(actual.line, expected.line);
  EXPECT_EQ(actual.id, expected.id);
  EXPECT_EQ(actual.uetr, expected.uetr);
  EXPECT_EQ(actual.amount, expected.amount);
  EXPECT_EQ(actual.currency, expected.currency);
  EXPECT_EQ(actual.date, expected.date);
  ASSERT_EQ(actual.parties.size(), expected.parties.size());
  for (size_t i = 0; i < expected.parties.size(); ++i) {
    EXPECT_EQ(Row(actual.parties[i]), expected.parties[i]) << "party " << i;
  }
  std::vector<TextRow> texts;
  for (const FreeText& text : actual.free_text) texts.emplace_back(text.path, text.text);
  EXPECT_EQ(texts, expected.free_text);
}

void ExpectMessages(const std::vector<ParsedMessage>& parsed,
                    const std::vector<MessageRow>& expected) {
  ASSERT_EQ(parsed.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("message " + std::to_string(i + 1));
    ASSERT_FALSE(parsed[i].error.has_value()) << parsed[i].error->ToString();
    ASSERT_TRUE(parsed[i].message.has_value());
    ExpectMessage(*parsed[i].message, expected[i]);
  }
}

std::string SamplePath(const std::string& name) {
  return testing::SharedData("payments/iso20022/" + name);
}

std::vector<ParsedMessage> ParseSample(const std::string& name) {
  Result<std::string> bytes = ReadFileBytes(SamplePath(name));
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  if (!bytes.ok()) return {};
  return ParseIso20022(*bytes, name);
}

Message OnlyMessage(const std::vector<ParsedMessage>& parsed) {
  EXPECT_EQ(parsed.size(), 1u);
  if (parsed.size() != 1 || !parsed[0].message) return {};
  return *parsed[0].message;
}

// The one error entry of `parsed` as the user sees it, "" when there is none.
std::string OnlyError(const std::vector<ParsedMessage>& parsed) {
  EXPECT_EQ(parsed.size(), 1u);
  if (parsed.size() != 1 || !parsed[0].error) return "";
  EXPECT_FALSE(parsed[0].message.has_value());
  EXPECT_GT(parsed[0].error->line, 0);
  return parsed[0].error->ToString();
}

TEST(Iso20022SampleTest, MbanqFedNowScenario1) {
  ExpectMessages(ParseSample("mbanq_pacs.008.001.08_scenario1.xml"),
                 {{.type = "pacs.008.001.08",
                   .line = 15,
                   .id = "20230604111111111Sc01Step1MsgId/Scenario01EtoEId001",
                   .uetr = "8a562c67-ca16-48ba-b074-65581be6f011",
                   .amount = "51.74",
                   .currency = "USD",
                   .date = "2023-06-04",
                   .parties = {{.role = "instructing_agent",
                                .path = "CdtTrfTxInf[1]/InstgAgt",
                                .agent = true,
                                .clearing_id = "USABA/111111111"},
                               {.role = "instructed_agent",
                                .path = "CdtTrfTxInf[1]/InstdAgt",
                                .agent = true,
                                .clearing_id = "USABA/333333333"},
                               {.role = "debtor",
                                .path = "CdtTrfTxInf[1]/Dbtr",
                                .name = "Individual A",
                                .account = "44444444444",
                                .country = "US",
                                .town = "Lisle"},
                               {.role = "debtor_agent",
                                .path = "CdtTrfTxInf[1]/DbtrAgt",
                                .agent = true,
                                .name = "BankA",
                                .clearing_id = "USABA/111111111"},
                               {.role = "creditor_agent",
                                .path = "CdtTrfTxInf[1]/CdtrAgt",
                                .agent = true,
                                .clearing_id = "USABA/333333333"},
                               {.role = "creditor",
                                .path = "CdtTrfTxInf[1]/Cdtr",
                                .name = "Corporation B",
                                .account = "55555555555",
                                .country = "US",
                                .town = "Carol Stream"}},
                   // RmtInf/Strd holds only a referred document (type and number).
                   .free_text = {}}});
}

TEST(Iso20022SampleTest, MbanqFedNowScenario1ReadsTheWholeStructuredAddress) {
  Message message = OnlyMessage(ParseSample("mbanq_pacs.008.001.08_scenario1.xml"));
  ASSERT_EQ(message.parties.size(), 6u);
  const PostalAddress& address = message.parties[2].address;
  EXPECT_EQ(address.street, "Dream Road");
  EXPECT_EQ(address.building, "450");
  EXPECT_EQ(address.post_code, "60532");
  EXPECT_EQ(address.town, "Lisle");
  EXPECT_EQ(address.subdivision, "IL");
  EXPECT_EQ(address.country, "US");
  EXPECT_TRUE(address.lines.empty());
}

TEST(Iso20022SampleTest, MbanqSampleWithoutUetr) {
  ExpectMessages(ParseSample("mbanq_sample-pacs008.xml"),
                 {{.type = "pacs.008.001.08",
                   .line = 15,
                   .id = "20230604111111111Sc01Step1MsgId/Scenario01EtoEId001",
                   .uetr = "",
                   .amount = "51.74",
                   .currency = "USD",
                   .date = "2023-06-04",
                   .parties = {{.role = "instructing_agent",
                                .path = "CdtTrfTxInf[1]/InstgAgt",
                                .agent = true,
                                .clearing_id = "USABA/111111111"},
                               {.role = "instructed_agent",
                                .path = "CdtTrfTxInf[1]/InstdAgt",
                                .agent = true,
                                .clearing_id = "USABA/333333333"},
                               {.role = "debtor",
                                .path = "CdtTrfTxInf[1]/Dbtr",
                                .name = "Individual A",
                                .account = "44444444444",
                                .country = "US",
                                .town = "Lisle"},
                               {.role = "debtor_agent",
                                .path = "CdtTrfTxInf[1]/DbtrAgt",
                                .agent = true,
                                .name = "BankA",
                                .clearing_id = "USABA/111111111"},
                               {.role = "creditor_agent",
                                .path = "CdtTrfTxInf[1]/CdtrAgt",
                                .agent = true,
                                .clearing_id = "USABA/333333333"},
                               {.role = "creditor",
                                .path = "CdtTrfTxInf[1]/Cdtr",
                                .name = "Corporation B",
                                .account = "55555555555",
                                .country = "US",
                                .town = "Carol Stream"}},
                   .free_text = {}}});
}

// The Lithuanian samples start with a byte order mark; their IBANs carry
// check digits 00, which no IBAN has, so no IBAN country is read.
TEST(Iso20022SampleTest, MoovLithuanianRoublePayment) {
  ExpectMessages(
      ParseSample("moov_International_payment_RUB_naujas_1.xml"),
      {{.type = "pain.001.001.03",
        .line = 44,
        .id = "MSGID0003/EndToEndId0003",
        .amount = "1000.00",
        .currency = "RUB",
        .date = "2015-09-28",
        .parties = {{.role = "initiating_party", .path = "GrpHdr/InitgPty", .name = "IMONE X"},
                    {.role = "debtor",
                     .path = "PmtInf[1]/Dbtr",
                     .name = "IMONE X",
                     .account = "LT007180000000000000"},
                    {.role = "debtor_agent",
                     .path = "PmtInf[1]/DbtrAgt",
                     .agent = true,
                     .bic = "CBSBLT26XXX"},
                    {.role = "creditor_agent",
                     .path = "PmtInf[1]/CdtTrfTxInf[1]/CdtrAgt",
                     .agent = true,
                     .name = "UNICREDIT BANK AO",
                     .clearing_id = "RUCBC/044525593",
                     .account = "10000000000000000001",
                     .country = "RU"},
                    {.role = "creditor",
                     .path = "PmtInf[1]/CdtTrfTxInf[1]/Cdtr",
                     .name = "COMPANY Z",
                     .account = "1234567890"}},
        .free_text = {{"PmtInf[1]/CdtTrfTxInf[1]/RmtInf/Ustrd", "PREPAYMENT RUB 1000,00"}}}});
}

TEST(Iso20022SampleTest, MoovLithuanianRoublePaymentIdsAndAddressLines) {
  Message message = OnlyMessage(ParseSample("moov_International_payment_RUB_naujas_1.xml"));
  ASSERT_EQ(message.parties.size(), 5u);
  EXPECT_EQ(message.parties[1].other_ids, std::vector<std::string>{"123456789"});
  EXPECT_EQ(message.parties[3].address.lines, std::vector<std::string>{"Russia"});
}

TEST(Iso20022SampleTest, MoovLithuanianDollarPayment) {
  ExpectMessages(
      ParseSample("moov_International_payment_USD_naujas_1.xml"),
      {{.type = "pain.001.001.03",
        .line = 39,
        .id = "MSGID0002/EndToEndId0002",
        .amount = "111.11",
        .currency = "USD",
        .date = "2015-09-28",
        .parties = {{.role = "initiating_party", .path = "GrpHdr/InitgPty", .name = "IMONE X"},
                    {.role = "debtor",
                     .path = "PmtInf[1]/Dbtr",
                     .name = "IMONE X",
                     .account = "LT007180000000000000"},
                    {.role = "debtor_agent",
                     .path = "PmtInf[1]/DbtrAgt",
                     .agent = true,
                     .bic = "CBSBLT26XXX"},
                    {.role = "creditor_agent",
                     .path = "PmtInf[1]/CdtTrfTxInf[1]/CdtrAgt",
                     .agent = true,
                     .name = "DEUTSCHE BANK TRUST COMPANY AMERICAS",
                     .bic = "BKTRUS33"},
                    {.role = "creditor",
                     .path = "PmtInf[1]/CdtTrfTxInf[1]/Cdtr",
                     .name = "COMPANY Z",
                     .account = "1234567890"}},
        .free_text = {{"PmtInf[1]/CdtTrfTxInf[1]/RmtInf/Ustrd", "Payment details"}}}});
  Message message = OnlyMessage(ParseSample("moov_International_payment_USD_naujas_1.xml"));
  ASSERT_EQ(message.parties.size(), 5u);
  EXPECT_EQ(message.parties[4].address.lines, std::vector<std::string>{"Company address"});
}

TEST(Iso20022SampleTest, MoovLithuanianSepaPayment) {
  ExpectMessages(
      ParseSample("moov_sepa_payment_naujas_1.xml"),
      {{.type = "pain.001.001.03",
        .line = 59,
        .id = "MSGID0001/EndToEndId0001",
        .amount = "99.99",
        .currency = "EUR",
        .date = "2017-08-23",
        .parties = {{.role = "initiating_party", .path = "GrpHdr/InitgPty", .name = "IMONE X"},
                    {.role = "debtor",
                     .path = "PmtInf[1]/Dbtr",
                     .name = "IMONE X",
                     .account = "LT007180000000000000"},
                    {.role = "debtor_agent",
                     .path = "PmtInf[1]/DbtrAgt",
                     .agent = true,
                     .bic = "CBSBLT26"},
                    {.role = "creditor_agent",
                     .path = "PmtInf[1]/CdtTrfTxInf[1]/CdtrAgt",
                     .agent = true,
                     .bic = "SMPOLT22"},
                    {.role = "creditor",
                     .path = "PmtInf[1]/CdtTrfTxInf[1]/Cdtr",
                     .name = "IMONE Z",
                     .account = "LT007400000000000000",
                     .country = "LT"}},
        .free_text = {
            {"PmtInf[1]/CdtTrfTxInf[1]/RmtInf/Ustrd", "Apmokama saskaita-faktura Nr. 1"}}}});
  Message message = OnlyMessage(ParseSample("moov_sepa_payment_naujas_1.xml"));
  ASSERT_EQ(message.parties.size(), 5u);
  EXPECT_EQ(message.parties[0].other_ids, std::vector<std::string>{"123456789"});
  EXPECT_EQ(message.parties[4].other_ids, std::vector<std::string>{"123456789"});
  EXPECT_EQ(message.parties[4].address.lines, (std::vector<std::string>{"Adresas 123", "Vilnius"}));
}

// Swiss Payment Standards sample in SIX's own namespace. The group header
// says NbOfTxs 7, but there are 8 transactions (CtrlSum 38.00 is theirs).
TEST(Iso20022SampleTest, SwissPaymentStandardsSampleInSixNamespace) {
  const PartyRow initiating{
      .role = "initiating_party", .path = "GrpHdr/InitgPty", .name = "Robert Schneider"};
  auto debtor = [](const std::string& block, const std::string& name, const std::string& iban) {
    return PartyRow{.role = "debtor",
                    .path = block + "/Dbtr",
                    .name = name,
                    .account = iban,
                    .iban_country = "CH"};
  };
  auto debtor_agent = [](const std::string& block) {
    return PartyRow{
        .role = "debtor_agent", .path = block + "/DbtrAgt", .agent = true, .bic = "POFICHBEXXX"};
  };
  const std::string kSchneider = "CH0309000000250090342";
  ExpectMessages(
      ParseSample("moov_musterfile_pain.001_Nov2020.xml"),
      {{.type = "pain.001.001.03",
        .line = 38,
        .id = "MsgId-001/EndToEndId-01-01",
        .amount = "6.20",
        .currency = "CHF",
        .date = "2020-07-28",
        .parties = {initiating,
                    debtor("PmtInf[1]", "Robert Schneider", kSchneider),
                    debtor_agent("PmtInf[1]"),
                    {.role = "creditor",
                     .path = "PmtInf[1]/CdtTrfTxInf[1]/Cdtr",
                     .name = "Maria Bernasconi",
                     .account = "CH5109000000250092291",
                     .iban_country = "CH",
                     .town = "Biel"}},
        .free_text = {{"PmtInf[1]/CdtTrfTxInf[1]/RmtInf/Ustrd", "Rechnung 1122"}}},
       {.type = "pain.001.001.03",
        .line = 86,
        .id = "MsgId-001/EndToEndId-02-01",
        .amount = "1.80",
        .currency = "CHF",
        .date = "2020-07-22",
        .parties = {initiating,
                    debtor("PmtInf[2]", "Robert Schneider", kSchneider),
                    debtor_agent("PmtInf[2]"),
                    {.role = "creditor",
                     .path = "PmtInf[2]/CdtTrfTxInf[1]/Cdtr",
                     .name = "Robert Schneider SA",
                     .account = "014295803"}},
        .free_text = {{"PmtInf[2]/CdtTrfTxInf[1]/RmtInf/Strd/CdtrRefInf/Ref",
                       "120000000000234478943216899"}}},
       {.type = "pain.001.001.03",
        .line = 117,
        .id = "MsgId-001/EndToEndId-02-02",
        .amount = "12.00",
        .currency = "CHF",
        .date = "2020-07-22",
        .parties = {initiating,
                    debtor("PmtInf[2]", "Robert Schneider", kSchneider),
                    debtor_agent("PmtInf[2]"),
                    {.role = "creditor",
                     .path = "PmtInf[2]/CdtTrfTxInf[2]/Cdtr",
                     .name = "Robert Schneider",
                     .account = "CH2909000000250094239",
                     .iban_country = "CH",
                     .town = "Biel/Bienne"}},
        .free_text = {{"PmtInf[2]/CdtTrfTxInf[2]/RmtInf/Ustrd", "Rechnung 20200615636.365"}}},
       {.type = "pain.001.001.03",
        .line = 170,
        .id = "MsgId-001/EndToEndId-03-01",
        .amount = "5.00",
        .currency = "CHF",
        .date = "2020-07-24",
        .parties = {initiating,
                    debtor("PmtInf[3]", "Robert Schneider", kSchneider),
                    debtor_agent("PmtInf[3]"),
                    {.role = "creditor",
                     .path = "PmtInf[3]/CdtTrfTxInf[1]/Cdtr",
                     .name = "Maria Bernasconi",
                     .account = "CH5109000000250092291",
                     .iban_country = "CH",
                     .country = "CH",
                     .town = "Biel"}},
        .free_text = {{"PmtInf[3]/CdtTrfTxInf[1]/RmtInf/Ustrd", "Salaire Juli"}}},
       // CH01 00235 ... 65L: its check digits are wrong, so no IBAN country.
       {.type = "pain.001.001.03",
        .line = 197,
        .id = "MsgId-001/EndToEndId-03-02",
        .amount = "2.00",
        .currency = "CHF",
        .date = "2020-07-24",
        .parties = {initiating,
                    debtor("PmtInf[3]", "Robert Schneider", kSchneider),
                    debtor_agent("PmtInf[3]"),
                    {.role = "creditor",
                     .path = "PmtInf[3]/CdtTrfTxInf[2]/Cdtr",
                     .name = "Maria Bernasconi",
                     .account = "CH010023512312312365L",
                     .town = "Biel/Bienne"}},
        .free_text = {{"PmtInf[3]/CdtTrfTxInf[2]/RmtInf/Ustrd", "Mitteilung Lohn"}}},
       // Amt/EqvtAmt: 1 CHF to be debited, transferred in EUR.
       {.type = "pain.001.001.03",
        .line = 242,
        .id = "MsgId-001/EndToEndId-04-01",
        .amount = "1",
        .currency = "CHF",
        .date = "2020-07-05",
        .parties = {initiating,
                    debtor("PmtInf[4]", "Robert Schneider SA", kSchneider),
                    debtor_agent("PmtInf[4]"),
                    {.role = "creditor_agent",
                     .path = "PmtInf[4]/CdtTrfTxInf[1]/CdtrAgt",
                     .agent = true,
                     .bic = "AABBCCDDXXX"},
                    {.role = "creditor",
                     .path = "PmtInf[4]/CdtTrfTxInf[1]/Cdtr",
                     .name = "Maria Bernasconi",
                     .account = "IT1122334455667788991122334",
                     .country = "IT"}},
        .free_text = {{"PmtInf[4]/CdtTrfTxInf[1]/RmtInf/Ustrd", "Mitteilung"}}},
       {.type = "pain.001.001.03",
        .line = 295,
        .id = "MsgId-001/EEndToEndId-05-01",
        .amount = "4",
        .currency = "CHF",
        .date = "2020-06-17",
        .parties = {initiating,
                    debtor("PmtInf[5]", "Maria Bernasconi", "CH5109000000250092291"),
                    debtor_agent("PmtInf[5]"),
                    {.role = "creditor",
                     .path = "PmtInf[5]/CdtTrfTxInf[1]/Cdtr",
                     .name = "Robert Schneider SA",
                     .account = "CH7730000001250094239",
                     .iban_country = "CH"}},
        .free_text = {{"PmtInf[5]/CdtTrfTxInf[1]/RmtInf/Strd/CdtrRefInf/Ref",
                       "976471818744726494745968140"}}},
       {.type = "pain.001.001.03",
        .line = 324,
        .id = "MsgId-001/EEndToEndId-06-01",
        .amount = "6",
        .currency = "CHF",
        .date = "2020-06-17",
        .parties = {initiating,
                    debtor("PmtInf[5]", "Maria Bernasconi", "CH5109000000250092291"),
                    debtor_agent("PmtInf[5]"),
                    {.role = "creditor",
                     .path = "PmtInf[5]/CdtTrfTxInf[2]/Cdtr",
                     .name = "Maria Bernasconi",
                     .account = "CH5109000000250092291",
                     .iban_country = "CH"}},
        .free_text = {
            {"PmtInf[5]/CdtTrfTxInf[2]/RmtInf/Strd/CdtrRefInf/Ref", "RF18539007547034"}}}});
}

TEST(Iso20022SampleTest, SwissSampleAddressLinesAndStructuredAddress) {
  std::vector<ParsedMessage> parsed = ParseSample("moov_musterfile_pain.001_Nov2020.xml");
  ASSERT_EQ(parsed.size(), 8u);
  ASSERT_TRUE(parsed[0].message && parsed[5].message);
  const PostalAddress& biel = parsed[0].message->parties[3].address;
  EXPECT_EQ(biel.street, "Musterstrasse");
  EXPECT_EQ(biel.building, "15");
  EXPECT_EQ(biel.post_code, "2500");
  EXPECT_EQ(parsed[5].message->parties[4].address.lines,
            (std::vector<std::string>{"Via 10", "Florenz"}));
}

// CBPR+ 2025 samples: a head.001.001.02 AppHdr beside the Document in an
// <Envelope>, placeholder values (EX...).
TEST(Iso20022SampleTest, CbprPlusPacs008Minimal) {
  ExpectMessages(
      ParseSample("phoughton_y2025_pacs.008.min.xml"),
      {{.type = "pacs.008.001.08",
        .line = 24,
        .id = "EXMsgId/EXEndToEndId",
        .uetr = "00000000-0000-4000-9a9f-b231a317421a",
        .amount = "1000.00",
        .currency = "EUR",
        .date = "2026-01-01",
        .parties =
            {{.role = "instructing_agent",
              .path = "CdtTrfTxInf[1]/InstgAgt",
              .agent = true,
              .bic = "YZABGBKLXXX"},
             {.role = "instructed_agent",
              .path = "CdtTrfTxInf[1]/InstdAgt",
              .agent = true,
              .bic = "NOPQUSTUXXX"},
             {.role = "debtor", .path = "CdtTrfTxInf[1]/Dbtr", .name = "EXAMPLE PARTY NV"},
             // <FinInstnId/>: kept, with nothing to screen.
             {.role = "debtor_agent", .path = "CdtTrfTxInf[1]/DbtrAgt", .agent = true},
             {.role = "creditor_agent", .path = "CdtTrfTxInf[1]/CdtrAgt", .agent = true},
             {.role = "creditor", .path = "CdtTrfTxInf[1]/Cdtr", .name = "EXAMPLE PARTY NV"}},
        .free_text = {}}});
}

// An agent of the maximal samples: every field of FinInstnId filled.
PartyRow FullAgent(const std::string& role, const std::string& path, const std::string& bic,
                   const std::string& account = "EXID") {
  return {.role = role,
          .path = path,
          .agent = true,
          .name = "EXNm",
          .bic = bic,
          .clearing_id = "EXCd/EXMmbId",
          .account = account,
          .country = "GB",
          .town = "EXTwnNm"};
}

PartyRow FullPerson(const std::string& role, const std::string& path,
                    const std::string& account = "") {
  return {.role = role,
          .path = path,
          .name = "EXNm",
          .account = account,
          .country = "GB",
          .town = "EXTwnNm"};
}

TEST(Iso20022SampleTest, CbprPlusPacs008Maximal) {
  const std::string tx = "CdtTrfTxInf[1]/";
  ExpectMessages(
      ParseSample("phoughton_y2025_pacs.008.max.xml"),
      {{.type = "pacs.008.001.08",
        .line = 516,
        .id = "EXMsgId/EXEndToEndId",
        .uetr = "00000000-0000-4000-aba0-f03b25f59320",
        .amount = "1000.00",
        .currency = "EUR",
        .date = "2026-01-01",
        .parties =
            {FullAgent("senders_correspondent", "GrpHdr/SttlmInf/InstgRmbrsmntAgt", "ABCDGBEFXXX"),
             FullAgent("receivers_correspondent", "GrpHdr/SttlmInf/InstdRmbrsmntAgt",
                       "PQRSUSNOXXX"),
             FullAgent("third_reimbursement", "GrpHdr/SttlmInf/ThrdRmbrsmntAgt", "ABCDGBEFXXX"),
             FullAgent("charges_agent", tx + "ChrgsInf[1]/Agt", "ABCDGBEFXXX", ""),
             FullAgent("previous_instructing_agent1", tx + "PrvsInstgAgt1", "ABCDGBEFXXX"),
             FullAgent("previous_instructing_agent2", tx + "PrvsInstgAgt2", "ABCDGBEFXXX"),
             FullAgent("previous_instructing_agent3", tx + "PrvsInstgAgt3", "ABCDGBEFXXX"),
             {.role = "instructing_agent",
              .path = tx + "InstgAgt",
              .agent = true,
              .bic = "ABCDGBEFXXX",
              .clearing_id = "EXCd/EXMmbId"},
             {.role = "instructed_agent",
              .path = tx + "InstdAgt",
              .agent = true,
              .bic = "PQRSUSNOXXX",
              .clearing_id = "EXCd/EXMmbId"},
             FullAgent("intermediary_agent1", tx + "IntrmyAgt1", "ABCDGBEFXXX"),
             FullAgent("intermediary_agent2", tx + "IntrmyAgt2", "ABCDGBEFXXX"),
             FullAgent("intermediary_agent3", tx + "IntrmyAgt3", "ABCDGBEFXXX"),
             FullPerson("ultimate_debtor", tx + "UltmtDbtr"),
             FullPerson("initiating_party", tx + "InitgPty"),
             FullPerson("debtor", tx + "Dbtr", "EXID"),
             FullAgent("debtor_agent", tx + "DbtrAgt", "ABCDGBEFXXX"),
             FullAgent("creditor_agent", tx + "CdtrAgt", "PQRSUSNOXXX"),
             FullPerson("creditor", tx + "Cdtr", "EXID"),
             FullPerson("ultimate_creditor", tx + "UltmtCdtr")},
        .free_text = {{tx + "InstrForCdtrAgt", "EXInstrInf"},
                      {tx + "InstrForNxtAgt", "EXInstrInf"},
                      {tx + "Purp", "EXCd"},
                      {tx + "RgltryRptg", "EXNm"},
                      {tx + "RgltryRptg", "EXCd"},
                      {tx + "RgltryRptg", "EXInf"},
                      {tx + "RltdRmtInf/RmtLctnDtls/PstlAdr/Nm", "EXNm"}}}});
}

TEST(Iso20022SampleTest, CbprPlusPacs008MaximalIdentifiersAndBirth) {
  Message message = OnlyMessage(ParseSample("phoughton_y2025_pacs.008.max.xml"));
  ASSERT_EQ(message.parties.size(), 19u);
  const Party& debtor = message.parties[14];
  ASSERT_EQ(debtor.role, "debtor");
  EXPECT_FALSE(debtor.agent);
  EXPECT_EQ(debtor.bic, "");
  EXPECT_EQ(debtor.other_ids, std::vector<std::string>{"EXId"});
  EXPECT_EQ(debtor.birth_date, "2026-01-01");
  EXPECT_EQ(debtor.birth_place, "EXCityOfBirth");
  EXPECT_EQ(debtor.birth_country, "GB");
  EXPECT_EQ(debtor.country_of_residence, "GB");
  EXPECT_EQ(debtor.address.street, "EXStrtNm");
  EXPECT_EQ(debtor.address.building, "EXBldgNb");
  EXPECT_EQ(debtor.address.post_code, "EXPstCd");
  EXPECT_EQ(debtor.address.subdivision, "EXCtrySubDvsn");
  EXPECT_EQ(debtor.address.lines, std::vector<std::string>{"EXAdrLine"});
  const Party& debtor_agent = message.parties[15];
  ASSERT_EQ(debtor_agent.role, "debtor_agent");
  EXPECT_EQ(debtor_agent.lei, "097900YZ01234567EF25");
  // The creditor agent's BrnchId (an Id only) is not read.
  EXPECT_EQ(message.parties[16].name, "EXNm");
}

TEST(Iso20022SampleTest, CbprPlusPain001Minimal) {
  ExpectMessages(ParseSample("phoughton_y2025_pain.001.min.xml"),
                 {{.type = "pain.001.001.09",
                   .line = 37,
                   .id = "EXMsgId/EXEndToEndId",
                   .uetr = "00000000-0000-4000-a288-8e5408438cfc",
                   .amount = "1000.00",
                   .currency = "EUR",
                   .date = "2026-01-01",
                   // Empty <InitgPty/>, <Dbtr/>, <Cdtr/>: kept, nothing to screen.
                   .parties = {{.role = "initiating_party", .path = "GrpHdr/InitgPty"},
                               {.role = "debtor",
                                .path = "PmtInf[1]/Dbtr",
                                .account = "GB98567801234512345678",
                                .iban_country = "GB"},
                               {.role = "debtor_agent", .path = "PmtInf[1]/DbtrAgt", .agent = true},
                               {.role = "creditor", .path = "PmtInf[1]/CdtTrfTxInf[1]/Cdtr"}},
                   .free_text = {}}});
}

TEST(Iso20022SampleTest, CbprPlusPain001Maximal) {
  const std::string block = "PmtInf[1]/";
  const std::string tx = "PmtInf[1]/CdtTrfTxInf[1]/";
  ExpectMessages(
      ParseSample("phoughton_y2025_pain.001.max.xml"),
      {{.type = "pain.001.001.09",
        .line = 671,
        .id = "EXMsgId/EXEndToEndId",
        .uetr = "00000000-0000-4000-b389-cc5d8b21de02",
        .amount = "1000.00",  // Amt/EqvtAmt/Amt
        .currency = "EUR",
        .date = "2026-01-01",
        .parties = {FullPerson("initiating_party", "GrpHdr/InitgPty"),
                    {.role = "forwarding_agent",
                     .path = "GrpHdr/FwdgAgt",
                     .agent = true,
                     .bic = "UVWXGBKLXXX",
                     .clearing_id = "EXCd/EXMmbId"},
                    FullPerson("debtor", block + "Dbtr", "EXID"),
                    FullAgent("debtor_agent", block + "DbtrAgt", "UVWXGBKLXXX"),
                    FullPerson("ultimate_debtor", block + "UltmtDbtr"),
                    FullAgent("charges_account_agent", block + "ChrgsAcctAgt", "UVWXGBKLXXX"),
                    FullPerson("ultimate_debtor", tx + "UltmtDbtr"),
                    FullAgent("intermediary_agent1", tx + "IntrmyAgt1", "UVWXGBKLXXX"),
                    FullAgent("intermediary_agent2", tx + "IntrmyAgt2", "UVWXGBKLXXX"),
                    FullAgent("intermediary_agent3", tx + "IntrmyAgt3", "UVWXGBKLXXX"),
                    FullAgent("creditor_agent", tx + "CdtrAgt", "JKLMUSTUXXX"),
                    FullPerson("creditor", tx + "Cdtr", "EXID"),
                    FullPerson("ultimate_creditor", tx + "UltmtCdtr")},
        .free_text = {{block + "InstrForDbtrAgt", "EXInstrForDbtrAgt"},
                      {tx + "ChqInstr/ChqFr/Nm", "EXNm"},
                      {tx + "ChqInstr/DlvrTo/Nm", "EXNm"},
                      {tx + "ChqInstr/MemoFld", "EXMemoFld"},
                      {tx + "InstrForCdtrAgt", "EXInstrInf"},
                      {tx + "InstrForDbtrAgt", "EXInstrForDbtrAgt"},
                      {tx + "Purp", "EXCd"},
                      {tx + "RgltryRptg", "EXNm"},
                      {tx + "RgltryRptg", "EXCd"},
                      {tx + "RgltryRptg", "EXInf"},
                      {tx + "RltdRmtInf/RmtLctnDtls/PstlAdr/Nm", "EXNm"},
                      {tx + "RmtInf/Ustrd", "EXUstrd"}}}});
}

TEST(Iso20022SampleTest, CbprPlusPain001MaximalIdentifiers) {
  Message message = OnlyMessage(ParseSample("phoughton_y2025_pain.001.max.xml"));
  ASSERT_EQ(message.parties.size(), 13u);
  const Party& initiating = message.parties[0];
  EXPECT_EQ(initiating.other_ids, std::vector<std::string>{"EXId"});
  EXPECT_EQ(initiating.birth_date, "2026-01-01");
  EXPECT_EQ(initiating.birth_place, "EXCityOfBirth");
  EXPECT_EQ(initiating.birth_country, "GB");
  EXPECT_EQ(initiating.country_of_residence, "GB");
  EXPECT_EQ(message.parties[1].lei, "529900STUVWXYZ01KL44");
  EXPECT_EQ(message.parties[5].other_ids, std::vector<std::string>{"EXId"});  // FinInstnId/Othr
}

// Prowide's sample: <message> wrapping a head.001.001.01 AppHdr and the
// Document; the group header names the instructing and instructed agents.
TEST(Iso20022SampleTest, ProwidePacs008Version07) {
  ExpectMessages(
      ParseSample("prowide_pacs.008.001.07.xml"),
      {{.type = "pacs.008.001.07",
        .line = 64,
        .id = "823823423/223423423",
        .amount = "5000",
        .currency = "USD",
        // The transaction's date, not the group header's 2018-08-28.
        .date = "2018-07-31",
        .parties = {{.role = "instructing_agent",
                     .path = "GrpHdr/InstgAgt",
                     .agent = true,
                     .name = "Lionel Messi",
                     .bic = "CITTGB2LPBG"},
                    {.role = "instructed_agent",
                     .path = "GrpHdr/InstdAgt",
                     .agent = true,
                     .name = "Manu Ginobili",
                     .bic = "ICBCUS4CXXX",
                     .town = "Los Angeles"},
                    {.role = "debtor",
                     .path = "CdtTrfTxInf[1]/Dbtr",
                     .name = "JOHN DOE",
                     .country = "AR",
                     .town = "Buenos Aires"},
                    {.role = "debtor_agent",
                     .path = "CdtTrfTxInf[1]/DbtrAgt",
                     .agent = true,
                     .name = "Juan Perez",
                     .bic = "ITUSUSP1XXX"},
                    {.role = "creditor_agent",
                     .path = "CdtTrfTxInf[1]/CdtrAgt",
                     .agent = true,
                     .bic = "USTBUS31XXX"},
                    {.role = "creditor", .path = "CdtTrfTxInf[1]/Cdtr", .name = "Mike Smith"}},
        .free_text = {}}});
  Message message = OnlyMessage(ParseSample("prowide_pacs.008.001.07.xml"));
  ASSERT_EQ(message.parties.size(), 6u);
  EXPECT_EQ(message.parties[0].other_ids, std::vector<std::string>{"2342342342"});
  EXPECT_EQ(message.parties[2].country_of_residence, "AR");
  EXPECT_EQ(message.parties[2].address.subdivision, "CABA");
}

constexpr char kPacs009Cov[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08">
  <FICdtTrf>
    <GrpHdr>
      <MsgId>COV-0001</MsgId>
      <CreDtTm>2026-02-03T09:00:00+00:00</CreDtTm>
      <NbOfTxs>1</NbOfTxs>
      <SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf>
    </GrpHdr>
    <CdtTrfTxInf>
      <PmtId>
        <InstrId>COV-INSTR-1</InstrId>
        <EndToEndId>E2E-77</EndToEndId>
        <UETR>6f0c2b3a-1d4e-4f5a-9b8c-7d6e5f4a3b2c</UETR>
      </PmtId>
      <IntrBkSttlmAmt Ccy="USD">250000.00</IntrBkSttlmAmt>
      <IntrBkSttlmDt>2026-02-03</IntrBkSttlmDt>
      <InstgAgt><FinInstnId><BICFI>ABCDGBEFXXX</BICFI></FinInstnId></InstgAgt>
      <InstdAgt><FinInstnId><BICFI>PQRSUSNOXXX</BICFI></FinInstnId></InstdAgt>
      <Dbtr><FinInstnId><BICFI>abcdgbef</BICFI><Nm>Example Bank plc</Nm></FinInstnId></Dbtr>
      <CdtrAgt><FinInstnId><BICFI>PQRSUSNOXXX</BICFI></FinInstnId></CdtrAgt>
      <Cdtr>
        <FinInstnId>
          <ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId><MmbId>021000018</MmbId></ClrSysMmbId>
          <Nm>Far East Commerce Bank</Nm>
          <PstlAdr><TwnNm>Pyongyang</TwnNm><Ctry>kp</Ctry></PstlAdr>
        </FinInstnId>
      </Cdtr>
      <CdtrAcct><Id><Othr><Id>0012-3456</Id></Othr></Id></CdtrAcct>
      <UndrlygCstmrCdtTrf>
        <Dbtr>
          <Nm>Acme Trading Ltd</Nm>
          <PstlAdr><TwnNm>London</TwnNm><Ctry>GB</Ctry></PstlAdr>
        </Dbtr>
        <DbtrAcct><Id><IBAN>GB98 5678 0123 4512 3456 78</IBAN></Id></DbtrAcct>
        <DbtrAgt><FinInstnId><BICFI>ABCDGBEFXXX</BICFI></FinInstnId></DbtrAgt>
        <CdtrAgt><FinInstnId><BICFI>FTBDKPPY</BICFI></FinInstnId></CdtrAgt>
        <Cdtr>
          <Nm>Korea Example Trading Corporation</Nm>
          <PstlAdr><TwnNm>Pyongyang</TwnNm><Ctry>KP</Ctry></PstlAdr>
        </Cdtr>
        <CdtrAcct><Id><Othr><Id>KP 7788 99</Id></Othr></Id></CdtrAcct>
        <RmtInf><Ustrd>Invoice 2026-11 machine parts</Ustrd></RmtInf>
      </UndrlygCstmrCdtTrf>
    </CdtTrfTxInf>
  </FICdtTrf>
</Document>
)";

TEST(Iso20022Test, Pacs009CovReadsInstitutionsAndTheUnderlyingCustomerTransfer) {
  const std::string tx = "CdtTrfTxInf[1]/";
  const std::string under = "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/";
  ExpectMessages(ParseIso20022(kPacs009Cov, "cov.xml"),
                 {{.type = "pacs.009.001.08",
                   .line = 10,
                   .id = "COV-0001/E2E-77",
                   .uetr = "6f0c2b3a-1d4e-4f5a-9b8c-7d6e5f4a3b2c",
                   .amount = "250000.00",
                   .currency = "USD",
                   .date = "2026-02-03",
                   .parties = {{.role = "instructing_agent",
                                .path = tx + "InstgAgt",
                                .agent = true,
                                .bic = "ABCDGBEFXXX"},
                               {.role = "instructed_agent",
                                .path = tx + "InstdAgt",
                                .agent = true,
                                .bic = "PQRSUSNOXXX"},
                               {.role = "debtor",
                                .path = tx + "Dbtr",
                                .agent = true,
                                .name = "Example Bank plc",
                                .bic = "ABCDGBEF"},
                               {.role = "creditor_agent",
                                .path = tx + "CdtrAgt",
                                .agent = true,
                                .bic = "PQRSUSNOXXX"},
                               {.role = "creditor",
                                .path = tx + "Cdtr",
                                .agent = true,
                                .name = "Far East Commerce Bank",
                                .clearing_id = "USABA/021000018",
                                .account = "00123456",
                                .country = "KP",
                                .town = "Pyongyang"},
                               {.role = "debtor",
                                .path = under + "Dbtr",
                                .name = "Acme Trading Ltd",
                                .account = "GB98567801234512345678",
                                .iban_country = "GB",
                                .country = "GB",
                                .town = "London"},
                               {.role = "debtor_agent",
                                .path = under + "DbtrAgt",
                                .agent = true,
                                .bic = "ABCDGBEFXXX"},
                               {.role = "creditor_agent",
                                .path = under + "CdtrAgt",
                                .agent = true,
                                .bic = "FTBDKPPY"},
                               {.role = "creditor",
                                .path = under + "Cdtr",
                                .name = "Korea Example Trading Corporation",
                                .account = "KP778899",
                                .country = "KP",
                                .town = "Pyongyang"}},
                   .free_text = {{under + "RmtInf/Ustrd", "Invoice 2026-11 machine parts"}}}});
}

constexpr char kPacs008InEnvelope[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="urn:example:envelope">
  <h:AppHdr xmlns:h="urn:iso:std:iso:20022:tech:xsd:head.001.001.02">
    <h:Fr><h:FIId><h:FinInstnId><h:BICFI>ABCDGBEFXXX</h:BICFI></h:FinInstnId></h:FIId></h:Fr>
    <h:To><h:FIId><h:FinInstnId><h:BICFI>PQRSUSNOXXX</h:BICFI></h:FinInstnId></h:FIId></h:To>
    <h:BizMsgIdr>ENV-1</h:BizMsgIdr>
    <h:MsgDefIdr>pacs.008.001.08</h:MsgDefIdr>
    <h:CreDt>2026-03-01T10:00:00Z</h:CreDt>
  </h:AppHdr>
  <doc:Document xmlns:doc="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
    <doc:FIToFICstmrCdtTrf>
      <doc:GrpHdr>
        <doc:MsgId>ENV-1</doc:MsgId>
        <doc:NbOfTxs>1</doc:NbOfTxs>
      </doc:GrpHdr>
      <doc:CdtTrfTxInf>
        <doc:PmtId><doc:InstrId>ONLY-INSTR</doc:InstrId></doc:PmtId>
        <doc:IntrBkSttlmAmt Ccy="EUR">12.50</doc:IntrBkSttlmAmt>
        <doc:IntrBkSttlmDt>2026-03-01</doc:IntrBkSttlmDt>
        <doc:Dbtr>
          <doc:Nm>Jane Roe</doc:Nm>
          <doc:Id><doc:OrgId><doc:AnyBIC>janegb2l</doc:AnyBIC><doc:LEI>5493001KJTIIGC8Y1R12</doc:LEI></doc:OrgId></doc:Id>
        </doc:Dbtr>
        <doc:Cdtr><doc:Nm>Richard Roe</doc:Nm></doc:Cdtr>
        <doc:Purp><doc:Prtry>GIFT</doc:Prtry></doc:Purp>
        <doc:RmtInf>
          <doc:Strd>
            <doc:Invcr><doc:Nm>Invoicing Company SA</doc:Nm></doc:Invcr>
            <doc:Invcee><doc:Nm>Invoiced Person</doc:Nm></doc:Invcee>
            <doc:AddtlRmtInf>first note</doc:AddtlRmtInf>
            <doc:AddtlRmtInf>   </doc:AddtlRmtInf>
          </doc:Strd>
          <doc:Ustrd></doc:Ustrd>
        </doc:RmtInf>
      </doc:CdtTrfTxInf>
    </doc:FIToFICstmrCdtTrf>
  </doc:Document>
</env:Envelope>
)";

TEST(Iso20022Test, ReadsPrefixedPacs008BesideAnAppHdrInAnEnvelope) {
  ExpectMessages(
      ParseIso20022(kPacs008InEnvelope, "env.xml"),
      {{.type = "pacs.008.001.08",
        .line = 16,
        .id = "ENV-1/ONLY-INSTR",  // no EndToEndId: the InstrId
        .amount = "12.50",
        .currency = "EUR",
        .date = "2026-03-01",
        .parties = {{.role = "debtor",
                     .path = "CdtTrfTxInf[1]/Dbtr",
                     .name = "Jane Roe",
                     .bic = "JANEGB2L"},
                    {.role = "creditor", .path = "CdtTrfTxInf[1]/Cdtr", .name = "Richard Roe"}},
        // Empty AddtlRmtInf and Ustrd are left out.
        .free_text = {{"CdtTrfTxInf[1]/Purp", "GIFT"},
                      {"CdtTrfTxInf[1]/RmtInf/Strd/Invcr/Nm", "Invoicing Company SA"},
                      {"CdtTrfTxInf[1]/RmtInf/Strd/Invcee/Nm", "Invoiced Person"},
                      {"CdtTrfTxInf[1]/RmtInf/Strd/AddtlRmtInf", "first note"}}}});
  Message message = OnlyMessage(ParseIso20022(kPacs008InEnvelope, "env.xml"));
  ASSERT_EQ(message.parties.size(), 2u);
  EXPECT_EQ(message.parties[0].lei, "5493001KJTIIGC8Y1R12");
}

TEST(Iso20022Test, RecognisesAMessageWithoutNamespaceByItsRootElement) {
  constexpr char kBare[] = R"(<FIToFICstmrCdtTrf>
  <GrpHdr><MsgId>M1</MsgId></GrpHdr>
  <CdtTrfTxInf>
    <PmtId><EndToEndId>E1</EndToEndId></PmtId>
    <IntrBkSttlmAmt Ccy="GBP">1.00</IntrBkSttlmAmt>
    <Cdtr><Nm>Someone</Nm></Cdtr>
  </CdtTrfTxInf>
</FIToFICstmrCdtTrf>)";
  Message message = OnlyMessage(ParseIso20022(kBare, "bare.xml"));
  EXPECT_EQ(message.type, "pacs.008");
  EXPECT_EQ(message.id, "M1/E1");
  EXPECT_EQ(message.line, 3);
  ASSERT_EQ(message.parties.size(), 1u);
  EXPECT_EQ(message.parties[0].name, "Someone");

  constexpr char kDocumentWithoutNamespace[] =
      "<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>M2</MsgId></GrpHdr><PmtInf>"
      "<CdtTrfTxInf><PmtId><EndToEndId>E2</EndToEndId></PmtId></CdtTrfTxInf>"
      "</PmtInf></CstmrCdtTrfInitn></Document>";
  Message initiation = OnlyMessage(ParseIso20022(kDocumentWithoutNamespace, "doc.xml"));
  EXPECT_EQ(initiation.type, "pain.001");
  EXPECT_EQ(initiation.id, "M2/E2");
}

constexpr char kPain001ThreeTransactions[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>BATCH-9</MsgId>
      <NbOfTxs>3</NbOfTxs>
      <InitgPty><Nm>Payroll Services GmbH</Nm></InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>P1</PmtInfId>
      <ReqdExctnDt><DtTm>2026-04-30T08:00:00</DtTm></ReqdExctnDt>
      <Dbtr><Nm>Muster AG</Nm><PstlAdr><TwnNm>Zürich</TwnNm><Ctry>ch</Ctry></PstlAdr></Dbtr>
      <DbtrAcct><Id><IBAN>CH5109000000250092291</IBAN></Id></DbtrAcct>
      <DbtrAgt><FinInstnId><BICFI>POFICHBEXXX</BICFI></FinInstnId></DbtrAgt>
      <CdtTrfTxInf>
        <PmtId><EndToEndId>T1</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="CHF">100.00</InstdAmt></Amt>
        <Cdtr><Nm>Anna Beispiel</Nm></Cdtr>
      </CdtTrfTxInf>
      <CdtTrfTxInf>
        <PmtId><EndToEndId>T2</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="CHF">200.00</InstdAmt></Amt>
        <Cdtr><Nm>Bernd Beispiel</Nm></Cdtr>
      </CdtTrfTxInf>
      <CdtTrfTxInf>
        <PmtId><EndToEndId>T3</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="CHF">300.00</InstdAmt></Amt>
        <Cdtr><Nm>Carla Beispiel</Nm></Cdtr>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
)";

TEST(Iso20022Test, EveryPain001TransactionCarriesItsPaymentInformationDebtor) {
  std::vector<ParsedMessage> parsed = ParseIso20022(kPain001ThreeTransactions, "batch.xml");
  ASSERT_EQ(parsed.size(), 3u);
  const char* kCreditors[] = {"Anna Beispiel", "Bernd Beispiel", "Carla Beispiel"};
  const char* kAmounts[] = {"100.00", "200.00", "300.00"};
  const int kLines[] = {15, 20, 25};
  for (size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE("transaction " + std::to_string(i + 1));
    ASSERT_TRUE(parsed[i].message.has_value());
    const Message& message = *parsed[i].message;
    std::string tx = "PmtInf[1]/CdtTrfTxInf[" + std::to_string(i + 1) + "]/";
    ExpectMessage(message,
                  {.type = "pain.001.001.09",
                   .line = kLines[i],
                   .id = "BATCH-9/T" + std::to_string(i + 1),
                   .amount = kAmounts[i],
                   .currency = "CHF",
                   .date = "2026-04-30",  // ReqdExctnDt/DtTm, its date
                   .parties = {{.role = "initiating_party",
                                .path = "GrpHdr/InitgPty",
                                .name = "Payroll Services GmbH"},
                               {.role = "debtor",
                                .path = "PmtInf[1]/Dbtr",
                                .name = "Muster AG",
                                .account = "CH5109000000250092291",
                                .iban_country = "CH",
                                .country = "CH",
                                .town = "Zürich"},
                               {.role = "debtor_agent",
                                .path = "PmtInf[1]/DbtrAgt",
                                .agent = true,
                                .bic = "POFICHBEXXX"},
                               {.role = "creditor", .path = tx + "Cdtr", .name = kCreditors[i]}},
                   .free_text = {}});
  }
}

// A group header or payment information block is copied into each of its
// transactions, so only its first party of a kind is read (the schemas
// allow one); a transaction keeps every party it names.
TEST(Iso20022Test, SharedBlocksGiveTheirFirstPartyOfEachKind) {
  constexpr char kTwice[] = R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
<CstmrCdtTrfInitn>
<GrpHdr><MsgId>M</MsgId><InitgPty><Nm>First</Nm></InitgPty><InitgPty><Nm>Second</Nm></InitgPty></GrpHdr>
<PmtInf><Dbtr><Nm>Debtor 1</Nm></Dbtr><Dbtr><Nm>Debtor 2</Nm></Dbtr>
<CdtTrfTxInf><PmtId><EndToEndId>E</EndToEndId></PmtId>
<Cdtr><Nm>Creditor 1</Nm></Cdtr><Cdtr><Nm>Creditor 2</Nm></Cdtr></CdtTrfTxInf>
</PmtInf></CstmrCdtTrfInitn></Document>)";
  Message message = OnlyMessage(ParseIso20022(kTwice, "twice.xml"));
  std::vector<std::string> names;
  for (const Party& party : message.parties) names.push_back(party.name);
  EXPECT_EQ(names, (std::vector<std::string>{"First", "Debtor 1", "Creditor 1", "Creditor 2"}));
}

// Underlying transfers and settlement information are read at the depth
// the schemas give them, however deep a damaged file nests them.
TEST(Iso20022Test, DeepNestingIsReadAtTheSchemasDepthOnly) {
  constexpr int kDepth = 100000;
  std::string bytes =
      "<Document xmlns='urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08'><FICdtTrf><GrpHdr>";
  for (int i = 0; i < kDepth; ++i) bytes += "<SttlmInf><InstgRmbrsmntAgt/>";
  for (int i = 0; i < kDepth; ++i) bytes += "</SttlmInf>";
  bytes += "</GrpHdr><CdtTrfTxInf>";
  for (int i = 0; i < kDepth; ++i) bytes += "<UndrlygCstmrCdtTrf><Cdtr><Nm>C</Nm></Cdtr>";
  for (int i = 0; i < kDepth; ++i) bytes += "</UndrlygCstmrCdtTrf>";
  bytes += "</CdtTrfTxInf></FICdtTrf></Document>";
  Message message = OnlyMessage(ParseIso20022(bytes, "deep.xml"));
  ASSERT_EQ(message.parties.size(), 2u);
  EXPECT_EQ(message.parties[0].path, "GrpHdr/SttlmInf/InstgRmbrsmntAgt");
  EXPECT_EQ(message.parties[1].path, "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/Cdtr");
}

TEST(Iso20022ErrorTest, TruncatedXmlIsOneErrorWithItsLine) {
  Result<std::string> bytes = ReadFileBytes(SamplePath("mbanq_pacs.008.001.08_scenario1.xml"));
  ASSERT_TRUE(bytes.ok());
  std::string truncated = bytes->substr(0, bytes->find("<Cdtr>"));
  EXPECT_EQ(OnlyError(ParseIso20022(truncated, "cut.xml")),
            "cut.xml:92: malformed XML: Start-end tags mismatch");
}

TEST(Iso20022ErrorTest, InvalidUtf8InANameIsOneError) {
  std::string bytes = kPacs009Cov;
  bytes.replace(bytes.find("Acme"), 4, "Ac\xC3\x28me");
  EXPECT_EQ(OnlyError(ParseIso20022(bytes, "latin.xml")),
            "latin.xml:32:17: invalid UTF-8 (byte 0xC3); save the file as UTF-8");
}

TEST(Iso20022ErrorTest, SurrogateCharacterReferenceIsOneError) {
  std::string bytes = kPacs009Cov;
  bytes.replace(bytes.find("Acme"), 4, "Ac&#xD800;me");
  EXPECT_EQ(OnlyError(ParseIso20022(bytes, "ref.xml")),
            "ref.xml:32:17: character reference '&#xD800;' is not an XML character (a surrogate)");
}

TEST(Iso20022ErrorTest, ControlCharacterReferenceIsOneError) {
  std::string bytes = kPacs009Cov;
  bytes.replace(bytes.find("Acme"), 4, "Ac&#1;me");
  EXPECT_EQ(OnlyError(ParseIso20022(bytes, "ctl.xml")),
            "ctl.xml:32:17: character reference '&#1;' is not an XML character (U+0001)");
}

TEST(Iso20022ErrorTest, UnknownNamespaceIsOneErrorNamingIt) {
  constexpr char kStatusReport[] = R"(<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10">
  <FIToFIPmtStsRpt><GrpHdr><MsgId>S1</MsgId></GrpHdr></FIToFIPmtStsRpt>
</Document>)";
  EXPECT_EQ(OnlyError(ParseIso20022(kStatusReport, "status.xml")),
            "status.xml:2: not a payment message this reader knows: "
            "urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10");
}

TEST(Iso20022ErrorTest, UnknownRootIsOneErrorNamingIt) {
  EXPECT_EQ(OnlyError(ParseIso20022("<?xml version=\"1.0\"?>\n<Invoice><Id>1</Id></Invoice>",
                                    "invoice.xml")),
            "invoice.xml:2: not a payment message this reader knows: Invoice");
  EXPECT_EQ(OnlyError(ParseIso20022("<Document>\n<FIToFIPmtStsRpt/></Document>", "doc.xml")),
            "doc.xml:1: not a payment message this reader knows: FIToFIPmtStsRpt");
}

TEST(Iso20022ErrorTest, DocumentHoldingAnotherMessageThanItsNamespaceSaysIsOneError) {
  constexpr char kMismatch[] = R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
  <CstmrCdtTrfInitn/>
</Document>)";
  EXPECT_EQ(OnlyError(ParseIso20022(kMismatch, "mix.xml")),
            "mix.xml:1: the pacs.008.001.08 Document holds <CstmrCdtTrfInitn>, not "
            "<FIToFICstmrCdtTrf>");
  EXPECT_EQ(OnlyError(ParseIso20022(
                "<Document xmlns='urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'/>", "e.xml")),
            "e.xml:1: the pain.001.001.03 Document is empty");
}

TEST(Iso20022ErrorTest, MessageWithoutTransactionsIsOneError) {
  constexpr char kEmpty[] = R"(<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
  <FIToFICstmrCdtTrf>
    <GrpHdr><MsgId>NOTHING</MsgId><NbOfTxs>0</NbOfTxs></GrpHdr>
  </FIToFICstmrCdtTrf>
</Document>)";
  EXPECT_EQ(OnlyError(ParseIso20022(kEmpty, "empty.xml")),
            "empty.xml:3: no CdtTrfTxInf in <FIToFICstmrCdtTrf>");
  constexpr char kEmptyBlock[] =
      R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn><GrpHdr/><PmtInf/></CstmrCdtTrfInitn></Document>)";
  EXPECT_EQ(OnlyError(ParseIso20022(kEmptyBlock, "empty.xml")),
            "empty.xml:2: no CdtTrfTxInf in <CstmrCdtTrfInitn>");
}

TEST(Iso20022ErrorTest, EmptyInputIsOneError) {
  std::vector<ParsedMessage> parsed = ParseIso20022("", "nothing.xml");
  ASSERT_EQ(parsed.size(), 1u);
  ASSERT_TRUE(parsed[0].error.has_value());
  EXPECT_EQ(parsed[0].error->ToString(), "nothing.xml:1: malformed XML: No document element found");
}

// Every prefix of every sample, and every sample with one byte flipped,
// parses to entries (messages or errors) without crashing.
TEST(Iso20022ErrorTest, NeverCrashesOnCutOrDamagedSamples) {
  for (const char* name :
       {"mbanq_pacs.008.001.08_scenario1.xml", "moov_musterfile_pain.001_Nov2020.xml",
        "phoughton_y2025_pacs.008.max.xml", "phoughton_y2025_pain.001.max.xml",
        "prowide_pacs.008.001.07.xml"}) {
    Result<std::string> bytes = ReadFileBytes(SamplePath(name));
    ASSERT_TRUE(bytes.ok());
    for (size_t cut = 0; cut < bytes->size(); cut += 127) {
      EXPECT_FALSE(ParseIso20022(std::string_view(*bytes).substr(0, cut), name).empty());
      std::string damaged = *bytes;
      damaged[cut] = static_cast<char>(damaged[cut] ^ 0x5A);
      EXPECT_FALSE(ParseIso20022(damaged, name).empty());
    }
  }
}

// Runs `command` in the shell; its exit status and what it printed.
std::pair<int, std::string> RunShell(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  char buffer[4096];
  while (size_t read = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, read);
  return {pclose(pipe), output};
}

// Which part of a sample is checked against which schema (in
// ../shared/data/payments/xsd), as found by running xmllint on each:
//  - kWhole: the bare Documents. mbanq's two pacs.008.001.08 are FedNow
//    messages (clearing system FDN, local instrument FDNA); they fit the
//    ISO schema but not Fedwire's (checked below as a negative).
//  - kDocument / kAppHdr: the CBPR+ samples wrap AppHdr and Document in an
//    <Envelope> no schema declares; each part is cut out with xmllint
//    --xpath and validated alone (AppHdr against head.001.001.02).
//    Prowide's <message> is cut the same way; its AppHdr is head.001.001.01,
//    whose schema is not in the data, so only its Document is validated.
//  - kSixAsIso: the Swiss sample's namespace is SIX's
//    (.../pain.001.001.03.ch.02.xsd), whose schema is not in the data; with
//    the namespace replaced by ISO's it validates against pain.001.001.03.
//    (Its NbOfTxs says 7 for 8 transactions, which no schema checks.)
// pacs.008.001.02/.10/.12 have no sample.
enum class Part { kWhole, kDocument, kAppHdr, kSixAsIso };

struct SchemaCase {
  const char* sample;
  const char* xsd;
  Part part;
};

constexpr SchemaCase kSchemaCases[] = {
    {"mbanq_pacs.008.001.08_scenario1.xml", "pacs.008.001.08.xsd", Part::kWhole},
    {"mbanq_sample-pacs008.xml", "pacs.008.001.08.xsd", Part::kWhole},
    {"moov_International_payment_RUB_naujas_1.xml", "pain.001.001.03.xsd", Part::kWhole},
    {"moov_International_payment_USD_naujas_1.xml", "pain.001.001.03.xsd", Part::kWhole},
    {"moov_sepa_payment_naujas_1.xml", "pain.001.001.03.xsd", Part::kWhole},
    {"moov_musterfile_pain.001_Nov2020.xml", "pain.001.001.03.xsd", Part::kSixAsIso},
    {"phoughton_y2025_pacs.008.min.xml", "pacs.008.001.08.xsd", Part::kDocument},
    {"phoughton_y2025_pacs.008.min.xml", "head.001.001.02.xsd", Part::kAppHdr},
    {"phoughton_y2025_pacs.008.max.xml", "pacs.008.001.08.xsd", Part::kDocument},
    {"phoughton_y2025_pacs.008.max.xml", "head.001.001.02.xsd", Part::kAppHdr},
    {"phoughton_y2025_pain.001.min.xml", "pain.001.001.09.xsd", Part::kDocument},
    {"phoughton_y2025_pain.001.min.xml", "head.001.001.02.xsd", Part::kAppHdr},
    {"phoughton_y2025_pain.001.max.xml", "pain.001.001.09.xsd", Part::kDocument},
    {"phoughton_y2025_pain.001.max.xml", "head.001.001.02.xsd", Part::kAppHdr},
    {"prowide_pacs.008.001.07.xml", "pacs.008.001.07.xsd", Part::kDocument},
};

std::string Quoted(const std::string& text) { return "'" + text + "'"; }

std::string ValidateCommand(const std::string& sample, const std::string& xsd, Part part) {
  std::string schema =
      "xmllint --noout --schema " + Quoted(testing::SharedData("payments/xsd/" + xsd));
  std::string file = Quoted(SamplePath(sample));
  switch (part) {
    case Part::kWhole: return schema + " " + file;
    case Part::kDocument:
      return "xmllint --xpath '//*[local-name()=\"Document\"]' " + file + " | " + schema + " -";
    case Part::kAppHdr:
      return "xmllint --xpath '//*[local-name()=\"AppHdr\"]' " + file + " | " + schema + " -";
    case Part::kSixAsIso:
      return "sed 's#http://www.six-interbank-clearing.com/de/pain.001.001.03.ch.02.xsd"
             "#urn:iso:std:iso:20022:tech:xsd:pain.001.001.03#g' " +
             file + " | " + schema + " -";
  }
  return "";
}

bool HaveXmllint() { return std::system("command -v xmllint >/dev/null 2>&1") == 0; }

TEST(Iso20022SchemaTest, EverySampleValidatesAgainstItsSchema) {
  if (!HaveXmllint()) GTEST_SKIP() << "xmllint is not installed (package libxml2-utils)";
  for (const SchemaCase& c : kSchemaCases) {
    auto [status, output] = RunShell(ValidateCommand(c.sample, c.xsd, c.part));
    EXPECT_EQ(status, 0) << c.sample << " against " << c.xsd << ":\n" << output;
  }
}

TEST(Iso20022SchemaTest, FedwireSchemaRejectsTheFedNowSamples) {
  if (!HaveXmllint()) GTEST_SKIP() << "xmllint is not installed (package libxml2-utils)";
  for (const char* sample : {"mbanq_pacs.008.001.08_scenario1.xml", "mbanq_sample-pacs008.xml"}) {
    auto [status, output] = RunShell(ValidateCommand(
        sample, "Fedwire_Funds_Service_Release_2025_pacs_008_001_08.xsd", Part::kWhole));
    EXPECT_NE(status, 0) << sample;
    EXPECT_NE(output.find("The value 'FDN' is not an element of the set {'FDW'}"),
              std::string::npos)
        << output;
  }
}

TEST(Iso20022SchemaTest, SwissSampleAsWrittenHasNoSchemaHere) {
  if (!HaveXmllint()) GTEST_SKIP() << "xmllint is not installed (package libxml2-utils)";
  auto [status, output] = RunShell(
      ValidateCommand("moov_musterfile_pain.001_Nov2020.xml", "pain.001.001.03.xsd", Part::kWhole));
  EXPECT_NE(status, 0);
  EXPECT_NE(output.find("No matching global declaration available for the validation root"),
            std::string::npos)
      << output;
}

}  // namespace
}  // namespace embargo::payments

#include "payments/swift_mt.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "common/file.h"
#include "test_paths.h"

namespace embargo::payments {
namespace {

std::string ReadSample(const std::string& name) {
  Result<std::string> bytes = ReadFileBytes(embargo::testing::SharedData("payments/mt/" + name));
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  return bytes.ok() ? *bytes : "";
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string WithoutCarriageReturns(std::string text) {
  std::erase(text, '\r');
  return text;
}

std::string WithCarriageReturns(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// What a test pins of one party.
struct WantParty {
  std::string role;
  bool agent = false;
  std::string path;
  std::string name;
  std::string bic;
  std::string account;
};

// What a test pins of one message.
struct WantMessage {
  int line = 0;
  std::string type;
  std::string id;
  std::string amount;
  std::string currency;
  std::string date;
  std::string uetr;
  std::vector<WantParty> parties;
  std::vector<std::string> free_text_paths;
};

void ExpectMessage(const ParsedMessage& entry, const WantMessage& want) {
  SCOPED_TRACE("message " + want.id + " at line " + std::to_string(want.line));
  ASSERT_FALSE(entry.error.has_value()) << entry.error->ToString();
  ASSERT_TRUE(entry.message.has_value());
  const Message& got = *entry.message;
  EXPECT_EQ(got.syntax, Syntax::kSwiftMt);
  EXPECT_EQ(got.line, want.line);
  EXPECT_EQ(got.type, want.type);
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.amount, want.amount);
  EXPECT_EQ(got.currency, want.currency);
  EXPECT_EQ(got.date, want.date);
  EXPECT_EQ(got.uetr, want.uetr);
  ASSERT_EQ(got.parties.size(), want.parties.size());
  for (size_t i = 0; i < want.parties.size(); ++i) {
    SCOPED_TRACE("party " + want.parties[i].path);
    EXPECT_EQ(got.parties[i].role, want.parties[i].role);
    EXPECT_EQ(got.parties[i].agent, want.parties[i].agent);
    EXPECT_EQ(got.parties[i].path, want.parties[i].path);
    EXPECT_EQ(got.parties[i].name, want.parties[i].name);
    EXPECT_EQ(got.parties[i].bic, want.parties[i].bic);
    EXPECT_EQ(got.parties[i].account, want.parties[i].account);
  }
  std::vector<std::string> paths;
  for (const FreeText& text : got.free_text) paths.push_back(text.path);
  EXPECT_EQ(paths, want.free_text_paths);
}

const Party* FindParty(const Message& message, const std::string& path) {
  for (const Party& party : message.parties) {
    if (party.path == path) return &party;
  }
  return nullptr;
}

const FreeText* FindText(const Message& message, const std::string& path) {
  for (const FreeText& text : message.free_text) {
    if (text.path == path) return &text;
  }
  return nullptr;
}

// Every field of a message, to compare two readings of it whole.
std::string Describe(const Message& message) {
  std::ostringstream out;
  out << message.type << '|' << message.line << '|' << message.id << '|' << message.uetr << '|'
      << message.amount << '|' << message.currency << '|' << message.date << '\n';
  for (const Party& p : message.parties) {
    out << p.role << '|' << p.agent << '|' << p.path << '|' << p.name << '|' << p.bic << '|'
        << p.clearing_id << '|' << p.account << '|' << p.iban_country << '|' << p.birth_date << '|'
        << p.birth_place << '|' << p.birth_country << '|' << p.address.country << '|'
        << p.address.town;
    for (const std::string& line : p.lines) out << "|L:" << line;
    for (const std::string& line : p.address.lines) out << "|A:" << line;
    for (const std::string& id : p.other_ids) out << "|I:" << id;
    out << '\n';
  }
  for (const FreeText& text : message.free_text) out << text.path << '=' << text.text << '\n';
  return out.str();
}

std::string DescribeAll(const std::vector<ParsedMessage>& entries) {
  std::string out;
  for (const ParsedMessage& entry : entries) {
    out += entry.message ? Describe(*entry.message) : "error " + entry.error->ToString() + "\n";
  }
  return out;
}

std::vector<std::string> Errors(const std::vector<ParsedMessage>& entries) {
  std::vector<std::string> out;
  for (const ParsedMessage& entry : entries) {
    if (entry.error) out.push_back(entry.error->ToString());
  }
  return out;
}

std::vector<std::string> Ids(const std::vector<ParsedMessage>& entries) {
  std::vector<std::string> out;
  for (const ParsedMessage& entry : entries) {
    if (entry.message) out.push_back(entry.message->id);
  }
  return out;
}

// A minimal input MT103 for building test cases.
std::string Mt103(const std::string& reference, const std::string& fields = "") {
  return "{1:F01AAAAUSLAAXXX0000000000}{2:I103BBBBUS33XXXXN}{4:\n:20:" + reference +
         "\n:32A:250101USD1,\n" + fields + "-}";
}

// --- The samples, message by message ----------------------------------------

TEST(SwiftMtSampleTest, BallerinaA2014) {
  auto entries = ParseSwiftMt(ReadSample("ballerina_a_2014.fin"), "a.fin");
  ASSERT_EQ(entries.size(), 1u);
  ExpectMessage(
      entries[0],
      {1,
       "MT103",
       "990OTT250922014",
       "100",
       "JPY",
       "2025-09-22",
       "09797101-a670-4e81-98ed-34b409736402",
       {{"instructing_agent", true, "{1:}", "", "ABCDLKLXXXX", ""},
        {"instructed_agent", true, "{2:}", "", "MHCBJPJTXXX", ""},
        {"debtor", false, ":50K:", "RASA ENGINEERING SERVICES (PVT) L", "", "100811000148"},
        {"debtor_agent", true, ":52A:", "", "ABCDLKLXXXX", "CGCBRANHC"},
        {"creditor_agent", true, ":57A:", "", "ICBKCNBJZJP", ""},
        {"creditor", false, ":59:", "SHASHU LANXI SHANYE", "", "2563529"}},
       {":70:", ":72:"}});
}

TEST(SwiftMtSampleTest, BallerinaA2015) {
  auto entries = ParseSwiftMt(ReadSample("ballerina_a_2015.fin"), "a.fin");
  ASSERT_EQ(entries.size(), 1u);
  ExpectMessage(
      entries[0],
      {1,
       "MT103",
       "990OTT250922015",
       "100",
       "USD",
       "2025-09-22",
       "09797101-a670-4e81-98ed-34b409736400",
       {{"instructing_agent", true, "{1:}", "", "AABSLKLXXXX", ""},
        {"instructed_agent", true, "{2:}", "", "HANYUS33XXX", ""},
        {"debtor", false, ":50K:", "RASA ENGINEERING SERVICES (PVT) L", "", "100811000148"},
        {"debtor_agent", true, ":52A:", "", "AABSLKLXXXX", "NAGODABRANCH"},
        {"creditor_agent", true, ":57A:", "", "ICBKCNBJZJP", ""},
        {"creditor", false, ":59:", "ZHEJIANG LANXI SHANYE", "", "15236859635"}},
       {":70:", ":72:"}});
  const Message& message = *entries[0].message;
  EXPECT_EQ(FindText(message, ":70:")->text,
            "IMPORT OF GOOD\nINV NO :14255639\nINV DATE : 24225236589\nPURPOSE CODE : GDI");
  EXPECT_EQ(FindText(message, ":72:")->text,
            "/INS/NHMJKIIIIJMKIOLLPOUJI\n/INS/NHMJKIIIIJMKIOLLPOUJI\n/INS/NHMJKIIIIJMKIOLLPOUJI");
  const Party* debtor = FindParty(message, ":50K:");
  ASSERT_NE(debtor, nullptr);
  EXPECT_EQ(debtor->lines, (std::vector<std::string>{"RASA ENGINEERING SERVICES (PVT) L",
                                                     "NO 852-60", "SHARUK PURA", "SRI LANKA"}));
  EXPECT_EQ(debtor->address.lines,
            (std::vector<std::string>{"NO 852-60", "SHARUK PURA", "SRI LANKA"}));
}

TEST(SwiftMtSampleTest, BallerinaA2016) {
  auto entries = ParseSwiftMt(ReadSample("ballerina_a_2016.fin"), "a.fin");
  ASSERT_EQ(entries.size(), 1u);
  ExpectMessage(
      entries[0],
      {1,
       "MT103",
       "990OTT250922016",
       "100",
       "USD",
       "2025-09-22",
       "09797101-a670-4e81-98ed-34b409736401",
       {{"instructing_agent", true, "{1:}", "", "AABSLKLXXXX", ""},
        {"instructed_agent", true, "{2:}", "", "HANYUS33XXX", ""},
        {"debtor", false, ":50K:", "UNITED ENGINEERING SERVICES (PVT) L", "", "100811000148"},
        {"debtor_agent", true, ":52A:", "", "AABSLKLXXXX", "CGCBRANHC"},
        {"creditor_agent", true, ":57A:", "", "ICBKCNBJZJP", ""},
        {"creditor", false, ":59:", "XZHEJIANG LANXI SHANYE", "", "256352896"}},
       {":70:", ":72:"}});
}

TEST(SwiftMtSampleTest, BallerinaFin2) {
  auto entries = ParseSwiftMt(ReadSample("ballerina_fin2.fin"), "fin2.fin");
  ASSERT_EQ(entries.size(), 1u);
  ExpectMessage(entries[0],
                {1,
                 "MT103",
                 "925OTT250922015",
                 "700",
                 "USD",
                 "2025-09-22",
                 "09797101-a670-4e81-98ed-34b409736305",
                 {{"instructing_agent", true, "{1:}", "", "AABSLKLXXXX", ""},
                  {"instructed_agent", true, "{2:}", "", "HANYUS33XXX", ""},
                  {"debtor", false, ":50K:", "OPTIMA TECHNOLOGIES (PVT) LTD", "", "100611002421"},
                  {"debtor_agent", true, ":52A:", "", "AABSLKLXXXX", "KOLBRANCH"},
                  {"intermediary_agent1", true, ":56A:", "", "CITIUS33XXX", "123456"},
                  {"creditor_agent", true, ":57D:", "COMMERCIAL BANK", "", "KOLBRANCH"},
                  {"creditor", false, ":59:", "LNM", "", "LK123456"}},
                 {":70:", ":72:"}});
  const Message& message = *entries[0].message;
  const Party* bank = FindParty(message, ":57D:");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->lines, (std::vector<std::string>{"COMMERCIAL BANK", "GALLE RD COLOMBO 03"}));
  EXPECT_EQ(bank->address.lines, (std::vector<std::string>{"GALLE RD COLOMBO 03"}));
  const Party* creditor = FindParty(message, ":59:");
  ASSERT_NE(creditor, nullptr);
  EXPECT_EQ(creditor->lines,
            (std::vector<std::string>{"LNM", "NO450", "GALLE RD COLOMBO 03 SL", "123456"}));
  EXPECT_EQ(creditor->iban_country, "");
  EXPECT_EQ(FindText(message, ":70:")->text, "TEST\n123\n456\n789");
  EXPECT_EQ(FindText(message, ":72:")->text, "/INS/FUL PAY\n/INS/CHGS\n/INS/PAY");
}

TEST(SwiftMtSampleTest, BallerinaFin3) {
  auto entries = ParseSwiftMt(ReadSample("ballerina_fin3.fin"), "fin3.fin");
  ASSERT_EQ(entries.size(), 1u);
  ExpectMessage(
      entries[0],
      {1,
       "MT103",
       "990OTT250922015",
       "100",
       "USD",
       "2025-09-22",
       "09797101-a670-4e81-98ed-34b409736400",
       {{"instructing_agent", true, "{1:}", "", "AABSLKLXXXX", ""},
        {"instructed_agent", true, "{2:}", "", "HANYUS33XXX", ""},
        {"debtor", false, ":50K:", "RASA ENGINEERING SERVICES (PVT) L", "", "100811000148"},
        {"debtor_agent", true, ":52A:", "", "AABSLKLXXXX", "NAGODABRANCH"},
        {"creditor_agent", true, ":57A:", "", "ICBKCNBJZJP", ""},
        {"creditor", false, ":59:", "ZHEJIANG LANXI SHANYE", "", "15236859635"}},
       {":70:", ":72:"}});
  EXPECT_EQ(FindText(*entries[0].message, ":72:")->text,
            "/INS/NHMJKIIIIJMKIOLLPOUJI\n/INS/NHMJKIIIIJMKIOLLPOUJI\n/REC/HELLO");
}

TEST(SwiftMtSampleTest, BulkWithAcksSkipsEachAcknowledgement) {
  auto entries = ParseSwiftMt(ReadSample("prowide_MT103-bulk-with-ack.rje"), "bulk.rje");
  ASSERT_EQ(entries.size(), 3u);
  ExpectMessage(entries[0],
                {1,
                 "MT103",
                 "234234233",
                 "3700",
                 "USD",
                 "2019-04-25",
                 "",
                 {{"instructing_agent", true, "{2:}", "", "BBBBUS33XXX", ""},
                  {"instructed_agent", true, "{1:}", "", "AAAAUSLAXXX", ""},
                  {"debtor", false, ":50K:", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", "0000000000"},
                  {"debtor_agent", true, ":52A:", "", "CCCCNGLA", ""},
                  {"senders_correspondent", true, ":53B:", "", "", "00000000000000"},
                  {"creditor", false, ":59:", "BBBBBBBBBBBBBBBB", "", "0000000000"}},
                 {":70:", ":72:"}});
  ExpectMessage(entries[1], {20,
                             "MT103",
                             "C4772342333",
                             "1321.00",
                             "USD",
                             "2019-04-25",
                             "",
                             {{"instructing_agent", true, "{2:}", "", "BKTRUS33XXX", ""},
                              {"instructed_agent", true, "{1:}", "", "AAAAUSLAXXX", ""},
                              {"debtor", false, ":50K:", "ANANANANANANA", "", "1111111111"},
                              {"debtor_agent", true, ":52A:", "", "CCCCNGLA", ""},
                              {"creditor", false, ":59:", "VICTORY FOOBAR", "", "1111111111"}},
                             {":70:", ":72:"}});
  ExpectMessage(entries[2],
                {37,
                 "MT103",
                 "201904250034434",
                 "1417.8",
                 "USD",
                 "2019-04-25",
                 "",
                 {{"instructing_agent", true, "{2:}", "", "BBBBUS33XXX", ""},
                  {"instructed_agent", true, "{1:}", "", "AAAAUSLAXXX", ""},
                  {"debtor", false, ":50K:", "OLD MUTUAL GENERAL INSURAN", "", "22222222222"},
                  {"debtor_agent", true, ":52A:", "", "CCCCNGLA", ""},
                  {"senders_correspondent", true, ":53B:", "", "", "000000000000"},
                  {"creditor", false, ":59:", "GGGGGGGGGGGGGGGGG", "", "8888888888"}},
                 {":70:", ":72:"}});
  // A :72: line starting "//" continues the field.
  EXPECT_EQ(FindText(*entries[0].message, ":72:")->text,
            "/INS/DEUTSCHE BANK TRUST CO.\n//AMERICAS NEW YORK, NY 10015");
  EXPECT_EQ(FindText(*entries[2].message, ":70:")->text,
            "/RFB/042517478733\nBEING PAYMENT OF FAC RE-INSURANCE\nPREMIUM DUE ON FOO COAL MINING");
}

// The header parties of the prowide output messages: sent by `sender`
// (block 2's MIR) to BICFOOYY (block 1).
std::vector<WantParty> OutputHeader(const std::string& sender) {
  return {{"instructing_agent", true, "{2:}", "", sender, ""},
          {"instructed_agent", true, "{1:}", "", "BICFOOYYXXX", ""}};
}

// The Spanish fund transfers of the prowide batch share one shape.
WantMessage FundTransfer(int line, const std::string& id, const std::string& amount,
                         const std::string& date, const std::string& debtor,
                         const std::string& debtor_account, const std::string& bank,
                         const std::string& bank_account, const std::string& creditor) {
  WantMessage want{line, "MT103", id, amount, "EUR", date, "", OutputHeader("CCCCUSMMXXX"), {}};
  want.parties.push_back({"debtor", false, ":50K:", debtor, "", debtor_account});
  want.parties.push_back({"debtor_agent", true, ":52A:", "", bank, bank_account});
  want.parties.push_back({"senders_correspondent", true, ":53A:", "", bank, ""});
  want.parties.push_back({"creditor_agent", true, ":57A:", "", "BICFOOYYXXX", ""});
  want.parties.push_back({"creditor", false, ":59:", creditor, "", "ES0123456789012345671234"});
  return want;
}

TEST(SwiftMtSampleTest, OutputBatchReadsThirteenMessagesPastAStrayBrace) {
  auto entries = ParseSwiftMt(ReadSample("prowide_MT103-out-ack.rje"), "out.rje");
  ASSERT_EQ(entries.size(), 13u);

  WantMessage first{1,
                    "MT103",
                    "22342343",
                    "1814.28",
                    "USD",
                    "2019-10-14",
                    "8579f4a4-a547-463e-ae63-e7c6620d59b4",
                    OutputHeader("BBBBUS3NXXX"),
                    {":70:", ":72:"}};
  first.parties.push_back({"debtor", false, ":50K:", "FOO CAPITAL MARKETS LP", "", ""});
  first.parties.push_back({"debtor_agent", true, ":52D:", "NORTH FOO BANK", "", ""});
  first.parties.push_back(
      {"creditor", false, ":59:", "MERCADOS Y GESTION DE VALORES SA", "", "00123456789012345678"});
  ExpectMessage(entries[0], first);
  EXPECT_EQ(FindText(*entries[0].message, ":70:")->text,
            "FINDERS FEES-JULY,2007-  10.00, AUG\nUST,2007-  0.00   SEPTEMBER,2007   \n "
            "1,999.99\nBNY CUST RRN - O/B NORTH FORK B");
  EXPECT_EQ(FindParty(*entries[0].message, ":52D:")->address.lines,
            (std::vector<std::string>{"999 BROAD FOO RD", "MELVILLE, NY 11747"}));

  // Three transfers from FOO DIRECT, the 50K without an account.
  struct Direct {
    int line;
    std::string id, amount, date, creditor;
  };
  std::vector<Direct> directs = {
      {23, "INGDESMM", "111222.33", "2019-10-28", "FOO DIRECT EUROSTOXX 99"},
      {38, "INGDESMM", "54321.23", "2007-10-28", "FOO DIRECT III FONDO DE PENSIONES I"},
      {54, "FOODESMM", "19999", "2006-10-28", "FOO DIRECT IBEX 35"}};
  for (size_t i = 0; i < directs.size(); ++i) {
    WantMessage want{directs[i].line,
                     "MT103",
                     directs[i].id,
                     directs[i].amount,
                     "EUR",
                     directs[i].date,
                     "",
                     OutputHeader("CCCCUSMMXXX"),
                     {}};
    want.parties.push_back({"debtor", false, ":50K:", "FOO DIRECT", "", ""});
    want.parties.push_back({"debtor_agent", true, ":52A:", "", "FOODESMM", ""});
    want.parties.push_back({"senders_correspondent", true, ":53A:", "", "FOODESMMXXX", ""});
    want.parties.push_back({"creditor_agent", true, ":57A:", "", "BICFOOYY", ""});
    want.parties.push_back(
        {"creditor", false, ":59:", directs[i].creditor, "", "00123456789012345678"});
    ExpectMessage(entries[1 + i], want);
  }

  WantMessage servicios{69,           "MT103", "OMF000000724103",           "765432", "EUR",
                        "2019-10-28", "",      OutputHeader("CCCCUSMMXXX"), {}};
  servicios.parties.push_back(
      {"debtor", false, ":50K:", "FOO SERVICIOS FINANCIERO", "", "12345678"});
  servicios.parties.push_back({"debtor_agent", true, ":52A:", "", "FOOKESMMXXX", ""});
  servicios.parties.push_back({"senders_correspondent", true, ":53A:", "", "FOOKESMMXXX", ""});
  servicios.parties.push_back({"creditor_agent", true, ":57A:", "", "BICFOOYYXXX", ""});
  servicios.parties.push_back({"creditor", false, ":59:", "BANKXXXX", "", "00123456789012345678"});
  ExpectMessage(entries[4], servicios);

  WantMessage renta{
      86, "MT103", "530165650050", "12345.67", "EUR", "2019-10-28", "", OutputHeader("CCCCUSMMXXX"),
      {}};
  renta.parties.push_back({"debtor", false, ":50K:", "AF RENTA VARIABLE", "", ""});
  renta.parties.push_back({"debtor_agent", true, ":52A:", "", "FOOBESBBXXX", "0569"});
  renta.parties.push_back({"senders_correspondent", true, ":53A:", "", "FOOBESBBXXX", ""});
  renta.parties.push_back({"creditor_agent", true, ":57A:", "", "BICFOOYYXXX", ""});
  renta.parties.push_back(
      {"creditor", false, ":59:", "FOO SECURITIES SV S.A.", "", "ES0123456789012345671234"});
  ExpectMessage(entries[5], renta);

  ExpectMessage(entries[6], FundTransfer(103, "0061350113089906", "754321", "2001-10-28",
                                         "FOO FOOOOOO MODERADO FOO", "12345678", "FOOAESMMXXX",
                                         "3999", "FOO FOOOOOO MODERADO FOO"));
  WantMessage agentes =
      FundTransfer(123, "0061350113089908", "100000", "2006-10-28", "AGENTES DE BOLSA FOO AGENCIA",
                   "12345678", "FOOAESMMXXX", "2337", "FOO AGENTES DE BOLSA ASOC");
  agentes.free_text_paths = {":72:"};
  ExpectMessage(entries[7], agentes);
  ExpectMessage(entries[8],
                FundTransfer(144, "0061350113089907", "74321", "2019-10-28", "FOO FONDO PENSIONES",
                             "12345678", "FOOAESMMXXX", "3999", "FOO MODERADO FP"));

  WantMessage redemption{164,          "MT103", "AMLX985338-D4E5E",          "66969.52", "EUR",
                         "2019-10-18", "",      OutputHeader("CRESLULLXXX"), {":70:"}};
  redemption.parties.push_back({"debtor", false, ":50K:", "FOO SA", "", ""});
  redemption.parties.push_back({"senders_correspondent", true, ":53A:", "", "DEUTDEFF", ""});
  redemption.parties.push_back({"receivers_correspondent", true, ":54A:", "", "BICFOOYY", ""});
  redemption.parties.push_back({"creditor", false, ":59:", "FOO SA", "", ""});  // account "/-"
  ExpectMessage(entries[9], redemption);
  EXPECT_EQ(FindParty(*entries[9].message, ":54A:")->clearing_id, "//RT");

  ExpectMessage(entries[10], FundTransfer(180, "0061350113089903", "47000", "2019-10-28",
                                          "MORGAN STANLEY FOOOOOO CONSERV", "12345678",
                                          "FOOOESMMXXX", "3999", "MS FOOOOOO CONSERVSDOR FIMF"));
  // Line 198 is "-}{" and the next "$": a lone '{' before a separator holds
  // nothing and is passed over; the messages after it are read.
  ExpectMessage(entries[11], FundTransfer(200, "0061350113089904", "10000", "2019-10-28",
                                          "MS FOOOOOO MODERADO FIMF", "12345678", "FOOOESMMXXX",
                                          "3999", "MS FOOOOOO MODERADO FIMF"));
  ExpectMessage(entries[12],
                FundTransfer(220, "0061350113089905", "10000", "2019-10-28", "MS LATINOAMERICA FIM",
                             "12345678", "FOOOESMMXXX", "3999", "MS LATINOAMERICA FIM"));
}

// --- Line endings and layout -------------------------------------------------

TEST(SwiftMtTest, CrlfAndLfGiveTheSameMessages) {
  std::string crlf = ReadSample("ballerina_fin2.fin");
  ASSERT_NE(crlf.find("\r\n"), std::string::npos);
  EXPECT_EQ(DescribeAll(ParseSwiftMt(crlf, "f")),
            DescribeAll(ParseSwiftMt(WithoutCarriageReturns(crlf), "f")));
  std::string lf = ReadSample("prowide_MT103-bulk-with-ack.rje");
  ASSERT_EQ(lf.find('\r'), std::string::npos);
  EXPECT_EQ(DescribeAll(ParseSwiftMt(lf, "f")),
            DescribeAll(ParseSwiftMt(WithCarriageReturns(lf), "f")));
}

TEST(SwiftMtTest, AcceptsATrailingNewlineAndWhitespaceAroundSeparators) {
  std::string message = ReadSample("ballerina_fin2.fin");
  std::string bare = DescribeAll(ParseSwiftMt(message, "f"));
  EXPECT_EQ(DescribeAll(ParseSwiftMt(message + "\r\n", "f")), bare);
  auto entries =
      ParseSwiftMt("\n \n$ \n" + Mt103("A") + "\n  $  \n\n" + Mt103("B") + " \n$\n", "f");
  EXPECT_EQ(Errors(entries), std::vector<std::string>{});
  EXPECT_EQ(Ids(entries), (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(entries[1].message->line, 10);
}

TEST(SwiftMtTest, ReadsConcatenatedMessagesWithTrailers) {
  std::string text = Mt103("A") + "{5:{CHK:123456789ABC}}" + Mt103("B") + "{5:{CHK:1}}{S:{COP:P}}";
  auto entries = ParseSwiftMt(text, "f");
  EXPECT_EQ(Errors(entries), std::vector<std::string>{});
  EXPECT_EQ(Ids(entries), (std::vector<std::string>{"A", "B"}));
}

TEST(SwiftMtTest, EmptyOrBlankInputHasNoEntries) {
  EXPECT_TRUE(ParseSwiftMt("", "f").empty());
  EXPECT_TRUE(ParseSwiftMt(" \r\n\t\n", "f").empty());
  EXPECT_TRUE(ParseSwiftMt("$\n$\n", "f").empty());
}

TEST(SwiftMtTest, AnAcknowledgementAloneIsNoMessage) {
  EXPECT_TRUE(
      ParseSwiftMt("{1:F21AAAAUSLAAXXX5195167828}{4:{177:1704260717}{451:0}}", "f").empty());
  EXPECT_TRUE(
      ParseSwiftMt("{1:F21AAAAUSLAAXXX5195167828}{4:{177:1704260717}{451:0}}\n$\n", "f").empty());
}

// --- Fields -----------------------------------------------------------------

TEST(SwiftMtTest, ReadsAStructuredOrderingCustomer50F) {
  std::string text = Replace(ReadSample("ballerina_fin2.fin"),
                             ":50K:/100611002421\r\nOPTIMA TECHNOLOGIES (PVT) LTD\r\nNO 740 "
                             "COTTA ROAD\r\nSRI LANKA\r\n",
                             ":50F:/12345678\r\n1/RI WON HO\r\n2/SOSONG STREET\r\n3/KP/"
                             "PYONGYANG\r\n4/19640717\r\n");
  auto entries = ParseSwiftMt(text, "f");
  ASSERT_EQ(entries.size(), 1u);
  ASSERT_TRUE(entries[0].message.has_value()) << entries[0].error->ToString();
  const Party* debtor = FindParty(*entries[0].message, ":50F:");
  ASSERT_NE(debtor, nullptr);
  EXPECT_EQ(debtor->role, "debtor");
  EXPECT_FALSE(debtor->agent);
  EXPECT_EQ(debtor->account, "12345678");
  EXPECT_EQ(debtor->name, "RI WON HO");
  EXPECT_EQ(debtor->address.lines, std::vector<std::string>{"SOSONG STREET"});
  EXPECT_EQ(debtor->address.country, "KP");
  EXPECT_EQ(debtor->address.town, "PYONGYANG");
  EXPECT_EQ(debtor->birth_date, "1964-07-17");
}

TEST(SwiftMtTest, ReadsA50FNameOverTwoLinesBirthPlaceAndIds) {
  auto entries = ParseSwiftMt(Mt103("A",
                                    ":50F:NIDN/KP/123456\n1/KIM\n1/JONG UN\n3/KP\n3/PYONGYANG\n"
                                    "5/KP/WONSAN\n6/KP/MINISTRY/12\n8/345\n7/KP/999\n"),
                              "f");
  ASSERT_TRUE(entries.at(0).message.has_value()) << entries[0].error->ToString();
  const Party* debtor = FindParty(*entries[0].message, ":50F:");
  ASSERT_NE(debtor, nullptr);
  EXPECT_EQ(debtor->name, "KIM JONG UN");
  EXPECT_EQ(debtor->account, "");
  EXPECT_EQ(debtor->address.country, "KP");
  EXPECT_EQ(debtor->address.town, "PYONGYANG");
  EXPECT_EQ(debtor->birth_country, "KP");
  EXPECT_EQ(debtor->birth_place, "WONSAN");
  EXPECT_EQ(debtor->other_ids,
            (std::vector<std::string>{"NIDN/KP/123456", "KP/MINISTRY/12345", "KP/999"}));
}

TEST(SwiftMtTest, ReadsAStructuredBeneficiary59F) {
  auto entries =
      ParseSwiftMt(Mt103("A",
                         ":59F:/DE89 3704 0044 0532 0130 00\n1/KOREA KWANGSON\n1/BANKING CORP\n"
                         "2/JUNGSONG-DONG\n3/KP/PYONGYANG\n"),
                   "f");
  ASSERT_TRUE(entries.at(0).message.has_value()) << entries[0].error->ToString();
  const Party* creditor = FindParty(*entries[0].message, ":59F:");
  ASSERT_NE(creditor, nullptr);
  EXPECT_EQ(creditor->role, "creditor");
  EXPECT_EQ(creditor->name, "KOREA KWANGSON BANKING CORP");
  EXPECT_EQ(creditor->account, "DE89370400440532013000");
  EXPECT_EQ(creditor->iban_country, "DE");
  EXPECT_EQ(creditor->address.lines, std::vector<std::string>{"JUNGSONG-DONG"});
  EXPECT_EQ(creditor->address.country, "KP");
  EXPECT_EQ(creditor->address.town, "PYONGYANG");
}

TEST(SwiftMtTest, ANameSplitOverTwo59LinesIsInLines) {
  auto entries = ParseSwiftMt(
      Mt103("A", ":59:/123\nKOREA MINING DEVELOPMENT TRADING\nCORPORATION\nPYONGYANG\n"), "f");
  ASSERT_TRUE(entries.at(0).message.has_value()) << entries[0].error->ToString();
  const Party* creditor = FindParty(*entries[0].message, ":59:");
  ASSERT_NE(creditor, nullptr);
  EXPECT_EQ(creditor->name, "KOREA MINING DEVELOPMENT TRADING");
  EXPECT_EQ(creditor->lines, (std::vector<std::string>{"KOREA MINING DEVELOPMENT TRADING",
                                                       "CORPORATION", "PYONGYANG"}));
  EXPECT_EQ(creditor->address.lines, (std::vector<std::string>{"CORPORATION", "PYONGYANG"}));
}

TEST(SwiftMtTest, ReadsPartyIdentifierLines) {
  auto entries = ParseSwiftMt(Mt103("A",
                                    ":50A:/GB29NWBK60161331926819\nabcdgb2l\n"
                                    ":56D://FW021000018\nFIRST BANK\nNEW YORK\n"
                                    ":57A:/C/12345\nFTBDKPPYXXX\n:59A:NOTABIC!\n"
                                    ":77B:/ORDERRES/KP//\n:77T:ENVELOPE\n"),
                              "f");
  ASSERT_TRUE(entries.at(0).message.has_value()) << entries[0].error->ToString();
  const Message& message = *entries[0].message;
  const Party* debtor = FindParty(message, ":50A:");
  ASSERT_NE(debtor, nullptr);
  EXPECT_EQ(debtor->account, "GB29NWBK60161331926819");
  EXPECT_EQ(debtor->iban_country, "GB");
  EXPECT_EQ(debtor->bic, "ABCDGB2L");
  const Party* intermediary = FindParty(message, ":56D:");
  ASSERT_NE(intermediary, nullptr);
  EXPECT_EQ(intermediary->role, "intermediary_agent1");
  EXPECT_EQ(intermediary->clearing_id, "//FW021000018");
  EXPECT_EQ(intermediary->account, "");
  EXPECT_EQ(intermediary->name, "FIRST BANK");
  const Party* bank = FindParty(message, ":57A:");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->account, "12345");
  EXPECT_EQ(bank->bic, "FTBDKPPYXXX");
  const Party* creditor = FindParty(message, ":59A:");
  ASSERT_NE(creditor, nullptr);
  EXPECT_EQ(creditor->bic, "");  // not a BIC, kept as a line to screen
  EXPECT_EQ(creditor->lines, std::vector<std::string>{"NOTABIC!"});
  EXPECT_EQ(FindText(message, ":77B:")->text, "/ORDERRES/KP//");
  EXPECT_EQ(FindText(message, ":77T:")->text, "ENVELOPE");
}

TEST(SwiftMtTest, OnlyATagAtTheStartOfALineOpensAField) {
  auto entries = ParseSwiftMt(Mt103("A", ":72:/INS/BANK\n//:20:NOT A FIELD\n:ABC:X\n:7:Y\n"), "f");
  ASSERT_TRUE(entries.at(0).message.has_value()) << entries[0].error->ToString();
  EXPECT_EQ(entries[0].message->id, "A");
  EXPECT_EQ(FindText(*entries[0].message, ":72:")->text,
            "/INS/BANK\n//:20:NOT A FIELD\n:ABC:X\n:7:Y");
}

TEST(SwiftMtTest, ReadsAmountsWithTheirDecimalComma) {
  auto read = [](const std::string& value) {
    auto entries = ParseSwiftMt(
        "{1:F01AAAAUSLAAXXX0000000000}{2:I103BBBBUS33XXXXN}{4:\n:20:A\n:32A:" + value + "\n-}",
        "f");
    return entries.at(0).message ? entries[0].message->amount : entries[0].error->message;
  };
  EXPECT_EQ(read("250922USD700,"), "700");
  EXPECT_EQ(read("190425USD1321,00"), "1321.00");
  EXPECT_EQ(read("190425USD1417,8"), "1417.8");
  EXPECT_EQ(read("190425USD,5"), "0.5");
  EXPECT_EQ(read("191340USD1,"),
            "message 1: field :32A: '191340USD1,' is not a value date, currency and amount "
            "(YYMMDD, 3 letters, 1234,56)");
}

TEST(SwiftMtTest, ReadsACoverPaymentsUnderlyingCustomers) {
  std::string text =
      "{1:F01AAAAUSLAAXXX0000000000}{2:I202BBBBUS33XXXXN}{3:{119:COV}{121:e2e-uetr}}{4:\n"
      ":20:COVREF\n:21:RELREF\n:32A:250102USD5000,\n:52A:FTBDKPPY\n:58A:/12345\nCITIUS33\n"
      ":50K:/DE89370400440532013000\nRI WON HO\nPYONGYANG\n:52A:KKBCKPPY\n:57A:CITIUS33XXX\n"
      ":59:/99\nKOREA KWANGSON BANKING\n:70:INV 7\n:72:/INS/X\n-}";
  auto entries = ParseSwiftMt(text, "cov.fin");
  ASSERT_EQ(entries.size(), 1u);
  ExpectMessage(entries[0],
                {1,
                 "MT202COV",
                 "COVREF",
                 "5000",
                 "USD",
                 "2025-01-02",
                 "e2e-uetr",
                 {{"instructing_agent", true, "{1:}", "", "AAAAUSLAXXX", ""},
                  {"instructed_agent", true, "{2:}", "", "BBBBUS33XXX", ""},
                  {"debtor", true, ":52A:", "", "FTBDKPPY", ""},
                  {"creditor", true, ":58A:", "", "CITIUS33", "12345"},
                  {"debtor", false, ":B:50K:", "RI WON HO", "", "DE89370400440532013000"},
                  {"debtor_agent", true, ":B:52A:", "", "KKBCKPPY", ""},
                  {"creditor_agent", true, ":B:57A:", "", "CITIUS33XXX", ""},
                  {"creditor", false, ":B:59:", "KOREA KWANGSON BANKING", "", "99"}},
                 {":B:70:", ":B:72:"}});
}

TEST(SwiftMtTest, AnMt202WithoutCoverIsBankToBank) {
  std::string text =
      "{1:F01AAAAUSLAAXXX0000000000}{2:I202BBBBUS33XXXXN}{3:{119:STP}}{4:\n"
      ":20:B2B\n:32A:250102EUR1,\n:52A:FTBDKPPY\n:56A:DEUTDEFF\n:57A:COBADEFF\n:58A:KKBCKPPY\n"
      ":72:/BNF/X\n-}";
  auto entries = ParseSwiftMt(text, "f");
  ASSERT_EQ(entries.size(), 1u);
  ExpectMessage(entries[0], {1,
                             "MT202",
                             "B2B",
                             "1",
                             "EUR",
                             "2025-01-02",
                             "",
                             {{"instructing_agent", true, "{1:}", "", "AAAAUSLAXXX", ""},
                              {"instructed_agent", true, "{2:}", "", "BBBBUS33XXX", ""},
                              {"debtor", true, ":52A:", "", "FTBDKPPY", ""},
                              {"intermediary_agent1", true, ":56A:", "", "DEUTDEFF", ""},
                              {"creditor_agent", true, ":57A:", "", "COBADEFF", ""},
                              {"creditor", true, ":58A:", "", "KKBCKPPY", ""}},
                             {":72:"}});
}

// --- Errors -------------------------------------------------------------------

TEST(SwiftMtErrorTest, AnUnterminatedTextBlockIsReportedAndTheNextMessageRead) {
  std::string text =
      "{1:F01AAAAUSLAAXXX0000000000}{2:I103BBBBUS33XXXXN}{4:\n:20:A\n"
      ":32A:250101USD1,\n$\n" +
      Mt103("B");
  auto entries = ParseSwiftMt(text, "batch.rje");
  EXPECT_EQ(Errors(entries),
            std::vector<std::string>{"batch.rje:1:51: message 1: block 4 is not closed by '-}'"});
  EXPECT_EQ(Ids(entries), std::vector<std::string>{"B"});
  EXPECT_EQ(entries.at(1).message->line, 5);
}

TEST(SwiftMtErrorTest, AMissingReferenceOrAmountIsNamed) {
  std::string no_reference =
      "{1:F01AAAAUSLAAXXX0000000000}{2:I103BBBBUS33XXXXN}{4:\n:32A:250101USD1,\n-}\n";
  std::string no_amount = "{1:F01AAAAUSLAAXXX0000000000}{2:I202BBBBUS33XXXXN}{4:\n:20:X\n-}\n";
  auto entries = ParseSwiftMt(no_reference + no_amount + Mt103("C"), "f.fin");
  EXPECT_EQ(Errors(entries),
            (std::vector<std::string>{"f.fin:1: message 1: MT103 has no field :20:",
                                      "f.fin:4: message 2: MT202 has no field :32A:"}));
  EXPECT_EQ(Ids(entries), std::vector<std::string>{"C"});
}

TEST(SwiftMtErrorTest, InvalidUtf8IsReportedWhereItIs) {
  std::string text = Mt103("A", ":70:CAF\xC3\n") + "\n" + Mt103("B", ":70:CAF\xC3\xA9\n");
  auto entries = ParseSwiftMt(text, "f.fin");
  EXPECT_EQ(Errors(entries),
            std::vector<std::string>{"f.fin:4:8: message 1: invalid UTF-8 byte 0xC3"});
  EXPECT_EQ(Ids(entries), std::vector<std::string>{"B"});
  EXPECT_EQ(FindText(*entries.at(1).message, ":70:")->text, "CAF\xC3\xA9");
}

TEST(SwiftMtErrorTest, GarbageBetweenMessagesIsReportedAndSkipped) {
  std::string text = Mt103("A") + "\nTHIS IS NOT A MESSAGE\nNOR THIS\n" + Mt103("B");
  auto entries = ParseSwiftMt(text, "f.fin");
  EXPECT_EQ(Errors(entries),
            std::vector<std::string>{"f.fin:5:1: unexpected text between messages: 'THIS IS NOT A "
                                     "MESSAGE'"});
  EXPECT_EQ(Ids(entries), (std::vector<std::string>{"A", "B"}));

  // A lone '{' before the separator is an empty trailer; one before text is not.
  entries = ParseSwiftMt(Mt103("A") + "{\n$" + Mt103("B"), "f.fin");
  EXPECT_EQ(Errors(entries), std::vector<std::string>{});
  EXPECT_EQ(Ids(entries), (std::vector<std::string>{"A", "B"}));
  entries = ParseSwiftMt(Mt103("A") + "{X\n$" + Mt103("B"), "f.fin");
  EXPECT_EQ(Errors(entries).size(), 1u);
  EXPECT_EQ(Ids(entries), (std::vector<std::string>{"A", "B"}));
}

TEST(SwiftMtErrorTest, ATruncatedFileReportsItsLastMessage) {
  std::string whole = ReadSample("prowide_MT103-bulk-with-ack.rje");
  std::string cut = whole.substr(0, whole.find(":70:TITHE"));
  auto entries = ParseSwiftMt(cut, "bulk.rje");
  EXPECT_EQ(Errors(entries),
            std::vector<std::string>{"bulk.rje:20:202: message 2: block 4 is not closed by '-}'"});
  EXPECT_EQ(Ids(entries), std::vector<std::string>{"234234233"});
  entries = ParseSwiftMt(Mt103("A") + "{1:F01AAAAUSLAAXXX0000000000}{2:I103BB", "f");
  EXPECT_EQ(Errors(entries),
            std::vector<std::string>{"f:4:32: message 2: block {2:} is not closed by '}'"});
}

TEST(SwiftMtErrorTest, BadHeadersAreReported) {
  std::string text =
      "{1:F01SHORT}{2:I103BBBBUS33XXXXN}{4:\n:20:A\n-}\n"
      "{1:F01AAAAUSLAAXXX0000000000}{2:X103}{4:\n:20:B\n-}\n"
      "{1:F01AAAAUSLAAXXX0000000000}{4:\n:20:C\n-}\n"
      "{1:F01AAAAUSLAAXXX0000000000}{2:I103BBBBUS33XXXXN}\n"
      "{1:F01AAAAUSLAAXXX0000000000}{2:I103BBBBUS33XXXXN}{7:X}{4:\n:20:D\n-}\n"
      "{1:F01AAAAUSLAAXXX0000000000}{2:I103BBBBUS33XXXXN}{4:\nTEXT\n:20:E\n-}\n" +
      Mt103("F");
  auto entries = ParseSwiftMt(text, "f");
  EXPECT_EQ(Errors(entries),
            (std::vector<std::string>{
                "f:1:4: message 1: block 1 'F01SHORT' is not an application id, service id and "
                "LT address (F01BANKBEBBAXXX...)",
                "f:4:33: message 2: block 2 'X103' is neither an input header (I103 + receiver) "
                "nor an output header (O103 + time + MIR)",
                "f:7:4: message 3: no application header block {2:}",
                "f:10:1: message 4: no text block {4:}",
                "f:11:51: message 5: unexpected block {7:} before the text block",
                "f:15:1: message 6: text before the first field of block 4: 'TEXT'"}));
  EXPECT_EQ(Ids(entries), std::vector<std::string>{"F"});
}

// Any prefix of a batch, and any byte changed, is read without a crash:
// every entry is a message or an error with a line.
TEST(SwiftMtErrorTest, EveryPrefixAndMutationIsReadSafely) {
  std::string whole = ReadSample("prowide_MT103-bulk-with-ack.rje") +
                      WithCarriageReturns(ReadSample("ballerina_fin2.fin"));
  auto check = [](const std::string& text) {
    for (const ParsedMessage& entry : ParseSwiftMt(text, "f")) {
      ASSERT_NE(entry.message.has_value(), entry.error.has_value());
      if (entry.error) {
        ASSERT_GT(entry.error->line, 0);
      }
    }
  };
  for (size_t size = 0; size <= whole.size(); ++size) check(whole.substr(0, size));
  std::mt19937 random(7);
  const std::string alphabet =
      "{}:$-/\r\n\xFF\xC3"
      "A1 ";
  for (int round = 0; round < 1000; ++round) {
    std::string text = whole;
    for (int edit = 0; edit < 4; ++edit) {
      text[random() % text.size()] = alphabet[random() % alphabet.size()];
    }
    check(text);
  }
}

}  // namespace
}  // namespace embargo::payments

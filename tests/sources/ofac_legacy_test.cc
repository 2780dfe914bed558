#include "sources/ofac_legacy.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/file.h"
#include "test_paths.h"

namespace embargo {
namespace {

using ::embargo::testing::SharedData;
using ::embargo::testing::TestData;

// Each reference bundle is parsed once for the whole test binary.
const ParsedList& Load(const std::string& path) {
  static std::map<std::string, ParsedList> cache;
  auto it = cache.find(path);
  if (it == cache.end()) {
    Result<ParsedList> list = ParseOfacLegacy(path, OfacDatasetName(path));
    EXPECT_TRUE(list.ok()) << (list.ok() ? "" : list.error().ToString());
    it = cache.emplace(path, list.ok() ? std::move(list).value() : ParsedList{}).first;
  }
  return it->second;
}

const Entity* Find(const ParsedList& list, const std::string& ent_num) {
  for (const Entity& entity : list.entities) {
    if (entity.source_id == ent_num) return &entity;
  }
  return nullptr;
}

size_t CountNames(const ParsedList& list, NameKind kind) {
  size_t count = 0;
  for (const Entity& entity : list.entities) {
    count += std::count_if(entity.names.begin(), entity.names.end(),
                           [kind](const Name& name) { return name.kind == kind; });
  }
  return count;
}

size_t CountSchema(const ParsedList& list, Schema schema) {
  return std::count_if(list.entities.begin(), list.entities.end(),
                       [schema](const Entity& entity) { return entity.schema == schema; });
}

std::vector<std::string> NamesOfKind(const Entity& entity, NameKind kind) {
  std::vector<std::string> names;
  for (const Name& name : entity.names) {
    if (name.kind == kind) names.push_back(name.value);
  }
  return names;
}

const Identifier* FindId(const Entity& entity, IdType type) {
  for (const Identifier& id : entity.identifiers) {
    if (id.type == type) return &id;
  }
  return nullptr;
}

bool HasRemark(const Entity& entity, const std::string& remark) {
  return std::find(entity.remarks.begin(), entity.remarks.end(), remark) != entity.remarks.end();
}

// The small broken OFAC fixtures are kept as tests/data/ofac/**/*.csv.in, so
// the repository holds no file named like an official list; they are copied
// once into a temporary folder under the names a bundle needs (sdn.csv,
// alt.csv, ...). Returns the path of `relative` ("ofac/mini/sdn.csv") there.
std::string OfacFixture(const std::string& relative) {
  namespace fs = std::filesystem;
  static const fs::path root = [] {
    fs::path dir =
        fs::temp_directory_path() / ("embargo_ofac_fixtures_" + std::to_string(::getpid()));
    for (const auto& entry : fs::recursive_directory_iterator(TestData("ofac"))) {
      if (!entry.is_regular_file() || entry.path().extension() != ".in") continue;
      fs::path target = dir / "ofac" / fs::relative(entry.path(), TestData("ofac"));
      target.replace_extension();  // sdn.csv.in -> sdn.csv
      fs::create_directories(target.parent_path());
      fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing);
    }
    return dir;
  }();
  return (root / relative).string();
}

std::string LoadError(const std::string& relative) {
  Result<ParsedList> list = ParseOfacLegacy(OfacFixture(relative), "us_ofac_sdn");
  return list.ok() ? "loaded" : list.error().ToString();
}

const std::string kSdn2021 = SharedData("ofac/sdn-2021-07/sdn.csv");
const std::string kCons2019 = SharedData("ofac/cons-2019/cons_prim.csv");

// Real reference files; every count was established with awk/python.

TEST(OfacLegacyTest, LoadsSdn2021BundleWithSidecars) {
  const ParsedList& list = Load(kSdn2021);
  EXPECT_EQ(list.dataset.name, "us_ofac_sdn");
  EXPECT_EQ(list.dataset.format, "ofac_legacy");
  EXPECT_EQ(list.dataset.version_date, "2021-07");
  EXPECT_EQ(list.entities.size(), 8976u);
  EXPECT_EQ(list.dataset.entity_count, 8976u);
  EXPECT_EQ(CountSchema(list, Schema::kPerson), 4620u);
  EXPECT_EQ(CountSchema(list, Schema::kOrganization), 3673u);
  EXPECT_EQ(CountSchema(list, Schema::kVessel), 406u);
  EXPECT_EQ(CountSchema(list, Schema::kAirplane), 277u);
  // alt.csv has 11910 rows: 11523 aka + 18 nka (aliases) and 369 fka.
  EXPECT_EQ(CountNames(list, NameKind::kAlias) + CountNames(list, NameKind::kPreviousName), 11910u);
  EXPECT_EQ(CountNames(list, NameKind::kPreviousName), 369u);
  // Quoted a.k.a./f.k.a. items in Remarks (with sdn_comments appended).
  EXPECT_EQ(CountNames(list, NameKind::kWeakAlias), 2441u);
  EXPECT_EQ(list.dataset.name_count, 8976u + 11910u + 2441u);
}

TEST(OfacLegacyTest, LoadsSdn2024SnapshotsWithoutSidecars) {
  struct Snapshot {
    std::string file;
    size_t entities;
    size_t vessels;
    size_t weak_aliases;
  };
  // Weak aliases: quoted items whose closing quote survived the 1000-char
  // Remarks cut (these files ship without sdn_comments.csv).
  const std::vector<Snapshot> snapshots = {
      {"ofac/sdn-2024-01-31.csv", 13901, 785, 3384},
      {"ofac/sdn-2024-02-23.csv", 14484, 798, 3516},
      {"ofac/sdn-2024-05-03.csv", 14965, 851, 3663},
  };
  for (const Snapshot& snapshot : snapshots) {
    const ParsedList& list = Load(SharedData(snapshot.file));
    EXPECT_EQ(list.entities.size(), snapshot.entities) << snapshot.file;
    EXPECT_EQ(CountSchema(list, Schema::kVessel), snapshot.vessels) << snapshot.file;
    EXPECT_EQ(CountNames(list, NameKind::kAlias), 0u) << snapshot.file;
    EXPECT_EQ(CountNames(list, NameKind::kWeakAlias), snapshot.weak_aliases) << snapshot.file;
    EXPECT_EQ(list.dataset.version_date, snapshot.file.substr(9, 10)) << snapshot.file;
  }
}

TEST(OfacLegacyTest, LoadsConsolidatedList) {
  const ParsedList& list = Load(kCons2019);
  EXPECT_EQ(list.dataset.name, "us_ofac_cons");
  EXPECT_EQ(list.entities.size(), 442u);
  EXPECT_EQ(CountSchema(list, Schema::kPerson), 79u);
  EXPECT_EQ(CountSchema(list, Schema::kOrganization), 363u);
  // cons_alt.csv: 932 aka + 141 fka rows.
  EXPECT_EQ(CountNames(list, NameKind::kAlias), 932u);
  EXPECT_EQ(CountNames(list, NameKind::kPreviousName), 141u);
  const Entity* haniya = Find(list, "9639");
  ASSERT_NE(haniya, nullptr);
  EXPECT_EQ(haniya->id, "us_ofac_cons-9639");
  EXPECT_EQ(haniya->programs, std::vector<std::string>{"NS-PLC"});
  ASSERT_EQ(haniya->birth_dates.size(), 1u);
  EXPECT_EQ(haniya->birth_dates[0].ToString(), "1962");
}

TEST(OfacLegacyTest, ForeignTradeBankOfNorthKoreaHasSwiftBic) {
  const Entity* bank = Find(Load(kSdn2021), "15603");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->caption(), "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA");
  EXPECT_EQ(bank->schema, Schema::kOrganization);
  EXPECT_EQ(bank->programs, (std::vector<std::string>{"NPWMD", "DPRK3"}));
  const Identifier* bic = FindId(*bank, IdType::kSwiftBic);
  ASSERT_NE(bic, nullptr);
  EXPECT_EQ(bic->value, "FTBDKPPY");
  EXPECT_EQ(NamesOfKind(*bank, NameKind::kAlias),
            (std::vector<std::string>{"NORTH KOREA'S FOREIGN TRADE BANK", "MOOYOKBANK",
                                      "KOREA TRADE BANK"}));
  ASSERT_EQ(bank->addresses.size(), 1u);
  EXPECT_EQ(bank->addresses[0].city, "Pyongyang");
  EXPECT_EQ(bank->addresses[0].country, "kp");
  EXPECT_EQ(bank->countries, std::vector<std::string>{"kp"});
}

TEST(OfacLegacyTest, KomidHasStrongAndWeakAliases) {
  const Entity* komid = Find(Load(kSdn2021), "9345");
  ASSERT_NE(komid, nullptr);
  EXPECT_EQ(komid->caption(), "KOREA MINING DEVELOPMENT TRADING CORPORATION");
  EXPECT_EQ(NamesOfKind(*komid, NameKind::kAlias),
            (std::vector<std::string>{
                "NORTH KOREAN MINING DEVELOPMENT TRADING CORPORATION",
                "CHANGGWANG SINYONG CORPORATION", "EXTERNAL TECHNOLOGY GENERAL CORPORATION",
                "KOREA KUMRYONG TRADING COMPANY", "DPRKN MINING DEVELOPMENT TRADING COOPERATION",
                "KOREAN MINING AND INDUSTRIAL DEVELOPMENT CORPORATION"}));
  EXPECT_EQ(NamesOfKind(*komid, NameKind::kWeakAlias), std::vector<std::string>{"KOMID"});
  EXPECT_EQ(komid->addresses.size(), 5u);
  EXPECT_EQ(komid->countries, (std::vector<std::string>{"kp", "cn", "ru", "ir", "sy"}));
}

TEST(OfacLegacyTest, DprkVesselHasImoAndFlag) {
  const Entity* vessel = Find(Load(kSdn2021), "17069");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->caption(), "CHONG CHON GANG");
  EXPECT_EQ(vessel->schema, Schema::kVessel);
  const Identifier* imo = FindId(*vessel, IdType::kImo);
  ASSERT_NE(imo, nullptr);
  EXPECT_EQ(imo->value, "7937317");
  EXPECT_EQ(vessel->countries, std::vector<std::string>{"kp"});  // Vess_flag column
  // The vessel columns are the vessel's facts, not remarks.
  EXPECT_EQ(*vessel->vessel, (VesselFacts{"General Cargo", "", "", ""}));
  EXPECT_FALSE(HasRemark(*vessel, "Vessel Type: General Cargo"));
}

// The vessel columns (type, tonnage, GRT) and Remarks' "Vessel Year of
// Build" give the vessel's facts. SAND SWAN of 2021 is EBANO in 2024:
// renamed, reflagged from Cyprus to Panama, its GRT restated.
TEST(OfacLegacyTest, VesselFactsFromTheColumnsAndRemarks) {
  const Entity* sand_swan = Find(Load(kSdn2021), "4243");
  ASSERT_NE(sand_swan, nullptr);
  EXPECT_EQ(sand_swan->caption(), "SAND SWAN");
  EXPECT_EQ(*sand_swan->vessel, (VesselFacts{"General Cargo", "2595", "1116", ""}));
  EXPECT_EQ(sand_swan->countries, std::vector<std::string>{"cy"});
  const ParsedList& y2024 = Load(SharedData("ofac/sdn-2024-05-03.csv"));
  const Entity* ebano = Find(y2024, "4243");
  ASSERT_NE(ebano, nullptr);
  EXPECT_EQ(ebano->caption(), "EBANO");
  EXPECT_EQ(*ebano->vessel, (VesselFacts{"General Cargo", "2595", "1865", ""}));
  EXPECT_EQ(ebano->countries, std::vector<std::string>{"pa"});
  const Entity* nirvana = Find(y2024, "38245");
  ASSERT_NE(nirvana, nullptr);
  EXPECT_EQ(*nirvana->vessel, (VesselFacts{"Yacht", "", "", "2012"}));
  EXPECT_EQ(nirvana->countries, std::vector<std::string>{"ky"});
  for (const std::string& r : nirvana->remarks)
    EXPECT_EQ(r.find("Year of Build"), std::string::npos) << r;
}

TEST(OfacLegacyTest, HanJangSuHasPassportInEverySnapshot) {
  for (const std::string& file :
       {kSdn2021, SharedData("ofac/sdn-2024-01-31.csv"), SharedData("ofac/sdn-2024-02-23.csv"),
        SharedData("ofac/sdn-2024-05-03.csv")}) {
    const Entity* han = Find(Load(file), "21749");
    ASSERT_NE(han, nullptr) << file;
    EXPECT_EQ(han->id, "us_ofac_sdn-21749");
    EXPECT_EQ(han->schema, Schema::kPerson);
    ASSERT_FALSE(han->names.empty());
    EXPECT_EQ(han->names[0].kind, NameKind::kPrimary);
    EXPECT_EQ(han->names[0].value, "HAN, Jang Su");
    ASSERT_EQ(han->names[0].parts.size(), 2u);
    EXPECT_EQ(han->names[0].parts[0].type, NamePartType::kFamily);
    EXPECT_EQ(han->names[0].parts[0].value, "HAN");
    EXPECT_EQ(han->names[0].parts[1].type, NamePartType::kGiven);
    EXPECT_EQ(han->names[0].parts[1].value, "Jang Su");
    const Identifier* passport = FindId(*han, IdType::kPassport);
    ASSERT_NE(passport, nullptr) << file;
    EXPECT_EQ(passport->value, "745420176");
    ASSERT_EQ(han->birth_dates.size(), 1u);
    EXPECT_EQ(han->birth_dates[0].ToString(), "1969-11-08");
    EXPECT_EQ(han->birth_places, std::vector<std::string>{"Pyongyang"});
    EXPECT_EQ(han->nationalities, std::vector<std::string>{"kp"});
    EXPECT_EQ(han->gender, Gender::kMale);
    EXPECT_EQ(han->programs, std::vector<std::string>{"NPWMD"});
  }
  // Only the 2021 bundle has alt.csv and add.csv.
  const Entity* han = Find(Load(kSdn2021), "21749");
  ASSERT_NE(han, nullptr);
  EXPECT_EQ(NamesOfKind(*han, NameKind::kAlias), std::vector<std::string>{"HAN, Chang-su"});
  ASSERT_EQ(han->addresses.size(), 1u);
  EXPECT_EQ(han->addresses[0].full, "Moscow, Russia");
  EXPECT_EQ(han->addresses[0].country, "ru");
}

TEST(OfacLegacyTest, AppendsCommentsContinuingMidWord) {
  const ParsedList& list = Load(kSdn2021);
  // Remarks cut inside "a.k.a. 'snowsjo", sdn_comments goes on with "hn'; ...".
  const Entity* hacker = Find(list, "28263");
  ASSERT_NE(hacker, nullptr);
  std::vector<std::string> weak = NamesOfKind(*hacker, NameKind::kWeakAlias);
  EXPECT_NE(std::find(weak.begin(), weak.end(), "snowsjohn"), weak.end());
  ASSERT_FALSE(hacker->links.empty());
  EXPECT_EQ(hacker->links.back().target_name, "LAZARUS GROUP");
  // Cut inside "P" + "hone Number ...".
  EXPECT_TRUE(HasRemark(*Find(list, "28264"), "Phone Number 8613314257947"));
  // Cut inside "Digital Currency Addres" + "s - ETH 0x8576...".
  const Entity* wallet = Find(list, "29703");
  ASSERT_NE(wallet, nullptr);
  bool has_eth =
      std::any_of(wallet->identifiers.begin(), wallet->identifiers.end(), [](const Identifier& id) {
        return id.type == IdType::kCrypto && id.label == "ETH" &&
               id.value.starts_with("0x8576acc5c05d6ce88f4e");
      });
  EXPECT_TRUE(has_eth);
}

TEST(OfacLegacyTest, TruncatedRemarksWithoutCommentsStayRemarks) {
  // The 2024 single-file snapshot has no sdn_comments.csv: the cut alias is
  // kept as remark text, never guessed into a name.
  const Entity* hacker = Find(Load(SharedData("ofac/sdn-2024-05-03.csv")), "28263");
  ASSERT_NE(hacker, nullptr);
  EXPECT_TRUE(HasRemark(*hacker, "a.k.a. 'snowsjo"));
}

TEST(OfacLegacyTest, ParsesLatin1BundleWithCrLineEnds) {
  Result<ParsedList> list = ParseOfacLegacy(OfacFixture("ofac/mini/sdn.csv"), "us_ofac_sdn");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  ASSERT_EQ(list->entities.size(), 3u);
  EXPECT_EQ(list->dataset.version_date, "");
  const Entity& person = list->entities[0];
  EXPECT_EQ(person.id, "us_ofac_sdn-100");
  EXPECT_EQ(person.source_id, "100");
  EXPECT_EQ(person.caption(), "M\xC3\x9CLLER, Jos\xC3\xA9");  // Latin-1 bytes, now UTF-8
  EXPECT_EQ(person.programs, (std::vector<std::string>{"SDGT", "IFSR"}));
  EXPECT_EQ(NamesOfKind(person, NameKind::kAlias), std::vector<std::string>{"MUELLER, Jose"});
  EXPECT_EQ(NamesOfKind(person, NameKind::kWeakAlias), std::vector<std::string>{"SHA'BAN"});
  ASSERT_EQ(person.links.size(), 1u);
  EXPECT_EQ(person.links[0].target_name, "EXAMPLE SHIPPING CO., LTD.");
  EXPECT_TRUE(person.addresses.empty());  // an all-null add.csv row is no address

  const Entity& company = list->entities[1];
  EXPECT_EQ(company.schema, Schema::kOrganization);  // "-0-" without trailing space
  EXPECT_EQ(NamesOfKind(company, NameKind::kPreviousName),
            std::vector<std::string>{"OLD EXAMPLE TRADING"});
  EXPECT_EQ(NamesOfKind(company, NameKind::kAlias), std::vector<std::string>{"NEW EXAMPLE"});
  const Identifier* crypto = FindId(company, IdType::kCrypto);
  ASSERT_NE(crypto, nullptr);
  EXPECT_EQ(crypto->label, "XBT");
  EXPECT_EQ(crypto->value, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT");
  ASSERT_EQ(company.addresses.size(), 1u);
  EXPECT_EQ(company.addresses[0].full, "1 Harbour Road, Nampo, Korea, North");

  const Entity& vessel = list->entities[2];
  EXPECT_EQ(vessel.schema, Schema::kVessel);
  ASSERT_FALSE(vessel.identifiers.empty());
  EXPECT_EQ(vessel.identifiers[0].label, "call_sign");
  EXPECT_EQ(vessel.identifiers[0].value, "HMYX");
  EXPECT_EQ(FindId(vessel, IdType::kImo)->value, "9074729");
  EXPECT_EQ(FindId(vessel, IdType::kMmsi)->value, "445100001");
  EXPECT_EQ(vessel.countries, std::vector<std::string>{"kp"});
  ASSERT_EQ(vessel.links.size(), 1u);
  EXPECT_EQ(vessel.links[0].relation, "owner");
}

TEST(OfacLegacyTest, ReportsMalformedFilesWithFileAndLine) {
  struct BrokenCase {
    std::string file;
    std::string error;  // after the file path
  };
  const std::vector<BrokenCase> cases = {
      {"ofac/broken_quote/sdn.csv", ":2:12: unexpected character after closing quote"},
      {"ofac/unterminated_quote/sdn.csv",
       ":2:51: unterminated quoted field (missing closing '\"')"},
      {"ofac/wrong_columns/sdn.csv", ":2: expected 12 fields, found 11"},
      {"ofac/control_byte/sdn.csv", ":2: invalid byte 0x00 (control character)"},
      {"ofac/undefined_byte/sdn.csv", ":2: invalid byte 0x81"},
      {"ofac/empty/sdn.csv", ": empty file"},
      {"ofac/duplicate/sdn.csv", ":3: duplicate ent_num 1 (first on line 1)"},
      {"ofac/bad_ent_num/sdn.csv", ":2: ent_num is not an integer: \"2x\""},
  };
  for (const BrokenCase& c : cases) {
    EXPECT_EQ(LoadError(c.file), OfacFixture(c.file) + c.error) << c.file;
  }
}

TEST(OfacLegacyTest, ReportsSidecarRowsForUnknownEntities) {
  EXPECT_EQ(LoadError("ofac/unknown_alias/sdn.csv"),
            OfacFixture("ofac/unknown_alias/alt.csv") + ":2: alias for unknown ent_num 999");
  EXPECT_EQ(LoadError("ofac/unknown_address/sdn.csv"),
            OfacFixture("ofac/unknown_address/add.csv") + ":2: address for unknown ent_num 2");
  EXPECT_EQ(LoadError("ofac/bad_alt_columns/sdn.csv"),
            OfacFixture("ofac/bad_alt_columns/alt.csv") + ":2: expected 5 fields, found 4");
}

TEST(OfacLegacyTest, ReportsMissingFile) {
  EXPECT_EQ(LoadError("ofac/missing/sdn.csv"),
            OfacFixture("ofac/missing/sdn.csv") + ": cannot open file");
}

TEST(OfacLegacyTest, SniffsMainFilesOnly) {
  auto first_bytes = [](const std::string& path) {
    Result<std::string> bytes = ReadFileBytes(path);
    return bytes.ok() ? bytes->substr(0, 4096) : std::string();
  };
  EXPECT_TRUE(LooksLikeOfacLegacy(first_bytes(kSdn2021)));
  EXPECT_TRUE(LooksLikeOfacLegacy(first_bytes(kCons2019)));
  EXPECT_TRUE(LooksLikeOfacLegacy(first_bytes(SharedData("ofac/sdn-2024-05-03.csv"))));
  EXPECT_TRUE(LooksLikeOfacLegacy(first_bytes(OfacFixture("ofac/mini/sdn.csv"))));
  EXPECT_FALSE(LooksLikeOfacLegacy(first_bytes(SharedData("ofac/sdn-2021-07/alt.csv"))));
  EXPECT_FALSE(LooksLikeOfacLegacy(first_bytes(SharedData("ofac/sdn-2021-07/add.csv"))));
  EXPECT_FALSE(LooksLikeOfacLegacy(first_bytes(SharedData("ofac/sdn-2021-07/sdn_comments.csv"))));
  EXPECT_FALSE(LooksLikeOfacLegacy(first_bytes(SharedData("us/csl-sample.csv"))));
  EXPECT_FALSE(LooksLikeOfacLegacy(first_bytes(SharedData("us/bis-dpl.txt"))));
  EXPECT_FALSE(LooksLikeOfacLegacy(first_bytes(SharedData("un/consolidated-2026-02-27.xml"))));
  EXPECT_FALSE(LooksLikeOfacLegacy(""));
  // A first record cut off by the sniffing window still counts.
  EXPECT_TRUE(LooksLikeOfacLegacy("306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,\"a.k"));
}

TEST(OfacLegacyTest, TellsSidecarFilesApart) {
  for (const char* sidecar : {"alt.csv", "ADD.CSV", "sdn_comments.csv", "cons_alt.csv",
                              "cons_add.csv", "cons_comments.csv", "dir/alt-2024-01-31.csv"}) {
    EXPECT_TRUE(IsOfacSidecarFile(sidecar)) << sidecar;
  }
  for (const char* main_file : {"sdn.csv", "SDN.CSV", "cons_prim.csv", "sdn-2024-01-31.csv",
                                "address.csv", "alternatives.csv"}) {
    EXPECT_FALSE(IsOfacSidecarFile(main_file)) << main_file;
  }
}

TEST(OfacLegacyTest, NamesDatasetFromFileName) {
  EXPECT_EQ(OfacDatasetName("x/cons_prim.csv"), "us_ofac_cons");
  EXPECT_EQ(OfacDatasetName("x/CONS_PRIM.CSV"), "us_ofac_cons");
  EXPECT_EQ(OfacDatasetName("x/sdn.csv"), "us_ofac_sdn");
  EXPECT_EQ(OfacDatasetName("x/sdn-2024-01-31.csv"), "us_ofac_sdn");
}

TEST(OfacLegacyTest, FindsVersionDateInPath) {
  EXPECT_EQ(VersionDateFromPath("ofac/sdn-2024-01-31.csv"), "2024-01-31");
  EXPECT_EQ(VersionDateFromPath("ofac/sdn-2021-07/sdn.csv"), "2021-07");
  EXPECT_EQ(VersionDateFromPath("2020-01/sdn-2021-02-03.csv"), "2021-02-03");
  EXPECT_EQ(VersionDateFromPath("ofac/cons-2019/cons_prim.csv"), "2019");
  EXPECT_EQ(VersionDateFromPath("2019/ofac/cons/cons_prim.csv"), "");  // too far up
  EXPECT_EQ(VersionDateFromPath("ofac/cons12019/cons_prim.csv"), "");
  EXPECT_EQ(VersionDateFromPath("ofac/cons-1889/cons_prim.csv"), "");
  EXPECT_EQ(VersionDateFromPath("ofac/sdn-2024-13-01.csv"), "");
  EXPECT_EQ(VersionDateFromPath("ofac/12024-01-31.csv"), "");
  EXPECT_EQ(VersionDateFromPath("sdn.csv"), "");
}

}  // namespace
}  // namespace embargo

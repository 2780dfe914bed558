#include "text/korean_cyrillic.h"

#include <unordered_map>
#include <vector>

#include "common/utf8.h"

namespace embargo::text {
namespace {

using Table = std::unordered_map<std::u32string, std::u32string>;

const Table& FamilyNames() {
  static const auto* table = new Table{
      {U"ким", U"김"},  {U"ли", U"리"},  {U"ри", U"리"},  {U"пак", U"박"},  {U"чхве", U"최"},
      {U"цой", U"최"},  {U"чве", U"최"}, {U"чон", U"정"}, {U"кан", U"강"},  {U"хан", U"한"},
      {U"ко", U"고"},   {U"со", U"서"},  {U"ю", U"유"},   {U"юн", U"윤"},   {U"о", U"오"},
      {U"хван", U"황"}, {U"рим", U"림"}, {U"ро", U"로"},  {U"мун", U"문"},  {U"сон", U"송"},
      {U"нам", U"남"},  {U"хон", U"홍"}, {U"пэк", U"백"}, {U"пек", U"백"},  {U"чан", U"장"},
      {U"чо", U"조"},   {U"ан", U"안"},  {U"син", U"신"}, {U"квон", U"권"}, {U"ом", U"엄"},
      {U"тхэ", U"태"},  {U"хо", U"허"},  {U"рян", U"량"}, {U"рю", U"류"},   {U"чу", U"주"},
      {U"чхон", U"천"}, {U"хён", U"현"}, {U"мин", U"민"}, {U"ха", U"하"},   {U"пэ", U"배"},
  };
  return *table;
}

const Table& Syllables() {
  static const auto* table = new Table{
      {U"чен", U"정"},  {U"чон", U"정"},   {U"чжон", U"정"},  {U"ын", U"은"},   {U"ир", U"일"},
      {U"иль", U"일"},  {U"ил", U"일"},    {U"сен", U"성"},   {U"сон", U"성"},  {U"ён", U"영"},
      {U"ен", U"영"},   {U"хо", U"호"},    {U"пон", U"봉"},   {U"бон", U"봉"},  {U"чу", U"주"},
      {U"чжу", U"주"},  {U"джу", U"주"},   {U"рён", U"룡"},   {U"рен", U"룡"},  {U"хэ", U"해"},
      {U"ё", U"여"},    {U"нам", U"남"},   {U"чхоль", U"철"}, {U"чхол", U"철"}, {U"чол", U"철"},
      {U"чоль", U"철"}, {U"хён", U"현"},   {U"хи", U"희"},    {U"ун", U"운"},   {U"мун", U"문"},
      {U"чан", U"장"},  {U"сук", U"숙"},   {U"гым", U"금"},   {U"кым", U"금"},  {U"ок", U"옥"},
      {U"ин", U"인"},   {U"чхун", U"춘"},  {U"ду", U"두"},    {U"дон", U"동"},  {U"тон", U"동"},
      {U"гук", U"국"},  {U"кук", U"국"},   {U"гван", U"광"},  {U"кван", U"광"}, {U"мён", U"명"},
      {U"мен", U"명"},  {U"сик", U"식"},   {U"сок", U"석"},   {U"су", U"수"},   {U"чхан", U"창"},
      {U"тхэ", U"태"},  {U"тэ", U"태"},    {U"хак", U"학"},   {U"хун", U"훈"},  {U"хёк", U"혁"},
      {U"чи", U"지"},   {U"ги", U"기"},    {U"ки", U"기"},    {U"ман", U"만"},  {U"бок", U"복"},
      {U"пок", U"복"},  {U"сам", U"삼"},   {U"сан", U"산"},   {U"сун", U"순"},  {U"сын", U"승"},
      {U"ан", U"안"},   {U"юн", U"윤"},    {U"чин", U"진"},   {U"чжин", U"진"}, {U"чхон", U"천"},
      {U"вон", U"원"},  {U"ван", U"완"},   {U"хва", U"화"},   {U"хван", U"환"}, {U"хве", U"회"},
      {U"хон", U"홍"},  {U"хын", U"흥"},   {U"чже", U"재"},   {U"чэ", U"재"},   {U"дже", U"재"},
      {U"пхё", U"표"},  {U"пхиль", U"필"}, {U"рёль", U"렬"},  {U"рак", U"락"},  {U"рим", U"림"},
      {U"ри", U"리"},   {U"ми", U"미"},    {U"ра", U"라"},    {U"ю", U"유"},    {U"сель", U"설"},
      {U"ёль", U"열"},  {U"ём", U"염"},    {U"ёп", U"엽"},    {U"ге", U"계"},   {U"гиль", U"길"},
      {U"киль", U"길"}, {U"ый", U"의"},    {U"хян", U"향"},   {U"хе", U"혜"},   {U"ре", U"례"},
      {U"ран", U"란"},
  };
  return *table;
}

char32_t LowerCyrillic(char32_t c) {
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;  // А-Я
  if (c == 0x0401) return 0x0451;                   // Ё
  return c;
}

bool IsCyrillic(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }

}  // namespace

std::string KoreanReadingOfCyrillic(std::string_view name) {
  std::vector<std::u32string> words(1);
  for (size_t i = 0; i < name.size();) {
    Utf8Char c = DecodeUtf8(name, i);
    if (c.length == 0) return "";
    i += c.length;
    if (c.code_point == U' ' || c.code_point == U'-' || c.code_point == U',') {
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    if (!IsCyrillic(c.code_point)) return "";
    words.back().push_back(LowerCyrillic(c.code_point));
  }
  if (words.back().empty()) words.pop_back();
  if (words.size() < 2 || words.size() > 4) return "";
  std::u32string hangul;
  for (size_t w = 0; w < words.size(); ++w) {
    const Table& table = w == 0 ? FamilyNames() : Syllables();
    auto it = table.find(words[w]);
    if (it == table.end()) return "";
    if (w > 0) hangul.push_back(U' ');
    hangul += it->second;
  }
  std::string out;
  for (char32_t c : hangul) AppendUtf8(out, c);
  return out;
}

}  // namespace embargo::text

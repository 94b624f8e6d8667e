#include "base/text_fold.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "base/utf8.hpp"

using mk::fold_for_matching;

namespace {

// Every code point of [first, last), each followed by a space.
std::string code_points(char32_t first, char32_t last) {
  std::string s;
  for (char32_t cp = first; cp < last; ++cp) {
    mk::append_utf8(s, cp);
    s.push_back(' ');
  }
  return s;
}

}  // namespace

TEST_CASE("fold: names", "[text_fold]") {
  CHECK(fold_for_matching("  Jansen-de Vries, Ängela ") == "jansen de vries angela");
  CHECK(fold_for_matching("Ĳsbrand") == "ijsbrand");
  CHECK(fold_for_matching("ĳsbrand") == "ijsbrand");
  CHECK(fold_for_matching("Łukasz Wójcik") == "lukasz wojcik");
  CHECK(fold_for_matching("Ștefan Dumitrașcu") == "stefan dumitrascu");
  CHECK(fold_for_matching("Şükrü Çelik") == "sukru celik");
  CHECK(fold_for_matching("Ольга") == "ольга");
  CHECK(fold_for_matching("O'Neill") == "o neill");
  CHECK(fold_for_matching("O’Neill") == "o neill");
  CHECK(fold_for_matching("Oʼ Neill") == "o neill");
  CHECK(fold_for_matching("Æsa Þórsdóttir") == "aesa thorsdottir");
  CHECK(fold_for_matching("Øyvind Ødegård") == "oyvind odegard");
  CHECK(fold_for_matching("Straße") == "strasse");
  CHECK(fold_for_matching("Œuvre Đorđević") == "oeuvre dordevic");
  CHECK(fold_for_matching("Ðuro Ÿvonne ÿ") == "duro yvonne y");
  CHECK(fold_for_matching("İlkay Işık") == "ilkay isik");
  CHECK(fold_for_matching("Nguyễn Văn Ánh") == "nguyen van anh");
  CHECK(fold_for_matching("STRAẞE") == "strasse");
}

TEST_CASE("fold: separators collapse and are trimmed", "[text_fold]") {
  CHECK(fold_for_matching("") == "");
  CHECK(fold_for_matching(" \t\n-,.'") == "");
  CHECK(fold_for_matching("a  --  b") == "a b");
  CHECK(fold_for_matching("(Jan) [de] {Wit}!?") == "jan de wit");
  CHECK(fold_for_matching("Anna\u00A0Maria") == "anna maria");
  CHECK(fold_for_matching("Anna\u2013Maria\u2003Smit") == "anna maria smit");
  CHECK(fold_for_matching("prijs: 5 × 3 ÷ 2 €") == "prijs 5 3 2");
  CHECK(fold_for_matching("«Anna» ¿qué?") == "anna que");
  CHECK(fold_for_matching("😀 Anna 😀") == "anna");
  CHECK(fold_for_matching("a\u3000b\u3001c") == "a b c");
  CHECK(fold_for_matching("Ａ！Ｂ") == "Ａ Ｂ");
  CHECK(fold_for_matching("1234AB 5") == "1234ab 5");
}

TEST_CASE("fold: Greek and Cyrillic are lowercased", "[text_fold]") {
  CHECK(fold_for_matching("ΣΟΦΊΑ Παπαδοπούλος") == "σοφία παπαδοπούλοσ");
  CHECK(fold_for_matching("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ") == "αβγδεζηθικλμνξοπρστυφχψω");
  CHECK(fold_for_matching("ΆΈΉΊΌΎΏΪΫ") == "άέήίόύώϊϋ");
  CHECK(fold_for_matching("ς") == "σ");
  CHECK(fold_for_matching("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") ==
        "абвгдежзийклмнопрстуфхцчшщъыьэюя");
  CHECK(fold_for_matching("ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ") == "ѐёђѓєѕіїјљњћќѝўџ");
  CHECK(fold_for_matching("Ґанна ӀӁ Ӑ") == "ґанна ӏӂ ӑ");
  CHECK(fold_for_matching("Ολγα; Όλγα·") == "ολγα όλγα");
}

TEST_CASE("fold: other scripts are kept as they are", "[text_fold]") {
  CHECK(fold_for_matching("محمد، علي") == "محمد علي");
  CHECK(fold_for_matching("佐々木　太郎") == "佐々木 太郎");
  CHECK(fold_for_matching("김민준") == "김민준");
  CHECK(fold_for_matching("שׂרה־לוי") == "שׂרה לוי");
  CHECK(fold_for_matching("ɐɑɒ") == "ɐɑɒ");
}

TEST_CASE("fold: decomposed text folds like composed text", "[text_fold]") {
  CHECK(fold_for_matching("Mu\u0308ller") == "muller");
  CHECK(fold_for_matching("Mu\u0308ller") == fold_for_matching("Müller"));
  CHECK(fold_for_matching("Nguye\u0302\u0303n") == fold_for_matching("Nguyễn"));
  CHECK(fold_for_matching("Jose\u0301 \u0301x") == "jose x");
  CHECK(fold_for_matching("И\u0306") == "и\u0306");
}

TEST_CASE("fold: invisible characters are dropped", "[text_fold]") {
  CHECK(fold_for_matching("Jan\u00ADsen") == "jansen");
  CHECK(fold_for_matching("\uFEFFJansen") == "jansen");
  CHECK(fold_for_matching("Jan\u200Dsen\u200C") == "jansen");
  CHECK(fold_for_matching("Jan\u200Bsen") == "jan sen");
}

TEST_CASE("fold: the Latin tables are pinned", "[text_fold]") {
  CHECK(
      fold_for_matching(code_points(0xC0, 0x250)) ==
      "a a a a a a ae c e e e e i i i i d n o o o o o o u u u u y th ss a a a a a a ae c e e e e "
      "i i i i d n o o o o o o u u u u y th y a a a a a a c c c c c c c c d d d d e e e e e e e e "
      "e e g g g g g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l l l l n n n "
      "n n n n n n o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u u u u u u u u u u "
      "u u w w y y y z z z z z z s b b b b ƅ ƅ o c c d d d d ƍ e e e f f g g hv i i k k l l m n n "
      "o o o oi oi p p r ƨ ƨ ʃ ƪ t t t t u u u v y y z z z ƹ ƹ z ƻ ƽ ƽ ƾ w ǀ ǁ ǂ ǃ dz dz dz lj lj "
      "lj nj nj nj a a i i o o u u u u u u u u u u e a a a a ae ae g g g g k k o o o o z z j dz "
      "dz dz g g hv w n n a a ae ae o o a a a a e e e e i i i i o o o o r r r r u u u u s s t t ȝ "
      "ȝ h h n d ou ou z z a a e e o o o o o o o o y y l n t j db qp a c c l t s z ɂ ɂ b u v e e "
      "j j q q r r y y");
  CHECK(
      fold_for_matching(code_points(0x1E00, 0x1F00)) ==
      "a a b b b b b b c c d d d d d d d d d d e e e e e e e e e e f f g g h h h h h h h h h h i "
      "i i i k k k k k k l l l l l l l l m m m m m m n n n n n n n n o o o o o o o o p p p p r r "
      "r r r r r r s s s s s s s s s s t t t t t t t t u u u u u u u u u u v v v v w w w w w w w "
      "w w w x x x x y y z z z z z z h t w y a s s s ss ẟ a a a a a a a a a a a a a a a a a a a a "
      "a a a a e e e e e e e e e e e e e e e e i i i i o o o o o o o o o o o o o o o o o o o o o "
      "o o o u u u u u u u u u u u u u u y y y y y y y y ll ll v v y y");
}

TEST_CASE("fold: the output is a fixed point", "[text_fold]") {
  for (const char* s :
       {"  Jansen-de Vries, Ängela ", "ΣΟΦΊΑ Παπαδοπούλος", "Mu\u0308ller", "佐々木　太郎"}) {
    const std::string once = fold_for_matching(s);
    CHECK(fold_for_matching(once) == once);
    CHECK(mk::is_valid_utf8(once));
  }
}

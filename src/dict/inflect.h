// English inflection helpers used by the dictionary readers (dict_reader.h): verb forms
// (-S, -ED, -ING plus irregular forms from WordNet) and noun plurals for agents.
//
// All functions take and return ASCII upper-case words, as the dictionaries write them;
// bytes outside A-Z pass through unchanged. Nothing here fails: unknown or odd words get
// the regular rules, and a missing WordNet installation only means no irregular forms.
//
// Irregular forms come from WordNet's exception lists, verb.exc ("broke break") and
// noun.exc ("geese goose"), read once, lazily, from $EVENTCODER_WORDNET_DIR or else
// /usr/share/wordnet, and inverted to base -> inflected forms. Multi-word entries of
// those lists ("allowed_for allow_for") are ignored.
//
// Thread safety: all functions are safe to call from several threads; the WordNet tables
// are loaded under function-local statics and are immutable afterwards.
#ifndef EVENTCODER_DICT_INFLECT_H_
#define EVENTCODER_DICT_INFLECT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventcoder::dict {

// The regular forms of a base verb, with the usual spelling rules:
//   third person: +ES after S X Z CH SH and consonant+O, Y->IES after a consonant, else +S
//   past:         +D after E, Y->IED after a consonant, final consonant doubled in
//                 one-syllable consonant-vowel-consonant words (STOP->STOPPED), else +ED
//   -ING:         IE->YING, E dropped (ARRIVE->ARRIVING but AGREEING, BEING), doubling
//                 as for the past, else +ING.
// Doubling is only applied to one-syllable words; longer words that double (REGRET ->
// REGRETTED) are covered by WordNet's verb.exc.
struct RegularVerbForms {
  std::string third_person;  // "STOPS"
  std::string past;          // "STOPPED"
  std::string ing;           // "STOPPING"
};
RegularVerbForms RegularVerbInflections(std::string_view base);

// Irregular (or spelling-exception) inflected forms WordNet lists for `base`, upper-case,
// in verb.exc order, e.g. BREAK -> {BROKE, BROKEN}. Empty when none or WordNet is absent.
// The reference stays valid for the life of the program.
const std::vector<std::string>& IrregularVerbForms(std::string_view base);

// Every inflected form of a one-word verb: the regular forms, then the WordNet forms,
// without duplicates and without `base` itself.
std::vector<std::string> VerbInflections(std::string_view base);

// The inflected variants of a multi-word verb: words[head] replaced by each of
// VerbInflections(words[head]), the other words kept. Empty if head is out of range.
std::vector<std::vector<std::string>> InflectVerbPhrase(const std::vector<std::string>& words,
                                                        size_t head);

// Plural forms of one noun:
//   * WordNet noun.exc irregulars (GOOSE -> GEESE), then
//   * words ending in MAN take MEN (MAN, CONGRESSMAN, CHAIRWOMAN), except a short list of
//     words where MAN is not "man" (HUMAN, GERMAN, ROMAN, SHAMAN, OTTOMAN, ...); otherwise
//   * the regular form: +ES after SS US IS X Z CH SH, Y->IES after a consonant, else +S.
// A word ending in S that is not SS/US/IS is taken to be plural already (OFFICIALS,
// FORCES) and gets no regular plural. Result may be empty; never contains `word`.
std::vector<std::string> NounPlurals(std::string_view word);

// Plural phrases of a noun phrase: the last word replaced by each of its NounPlurals.
// {"FOREIGN","MINISTER"} -> {{"FOREIGN","MINISTERS"}}.
std::vector<std::vector<std::string>> PluralPhrases(const std::vector<std::string>& words);

// True when WordNet's verb.exc could be read (irregular verb forms are available).
bool WordNetAvailable();

}  // namespace eventcoder::dict

#endif  // EVENTCODER_DICT_INFLECT_H_

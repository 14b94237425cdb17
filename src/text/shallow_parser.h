// Shallow parsing: turns a tagged Sentence into a Penn-Treebank-style bracketed tree.
//
// ShallowParse returns a tree string shaped like CoreNLP's output for news sentences, e.g.
//   (ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (VBN angered) (PP (IN by) (NP ...)))) (. .)))
// It is a deterministic, single left-to-right pass over chunks (base NPs, verb groups,
// prepositions, clause openers) keeping a stack of open constituents (the right frontier).
// What it builds, in order of care:
//  - NPs: determiners + modifiers + nouns; possessives (NP (NP (NNP Gondor) (POS 's)) (NN x));
//    coordination and appositives (NP (NP A) (, ,) (NP B) (CC and) (NP C)); PP attachment
//    to NPs for "of" (always) and for a few other prepositions ("against", "between", "for",
//    "on" + non-date, "in"/"from" after an of-object, and any PP in subject position:
//    (NP (NP (NNS Soldiers)) (PP (IN from) (NP ..))) (VP ..)); coordinated adjectives as
//    (ADJP (JJ a) (CC and) (JJ b)) inside the NP; bare common nouns after a determiner-less
//    noun phrase as one flat NP (NP (JJ Danish) (NNS media) (CC and) (NN government));
//    ", and" after a finished "A and B" starts a new conjunct one level up; relative clauses
//    (SBAR (WHNP (WDT which)) (S ...)) and reduced relatives (NP (NP men) (VP (VBN sought) ..)).
//  - VPs: auxiliaries and modals nest (VP (MD will) (VP (VB break) ...)), also across
//    coordinated adverbs (VP (VBD was) (ADVP (RB a) (CC and) (RB b)) (VP (VBN ..))) and a bare
//    verb after a bare verb ("will wire tap": (VP (VB wire) (VP (VB tap) ..))); the verb heads its
//    VP, followed by objects, particles, PPs and clauses; verb coordination
//    (VP (VP ...) (CC and) (VP ...)).
//  - Clauses: (SBAR (IN that) (S ...)), complement clauses without "that" after verbs of
//    saying, (S (VP (TO to) (VP (VB x) ...))) infinitives, subordinate clauses (because,
//    while, ...), and a reporting tail ", a senior official said on Saturday" as
//    (S (S ...) (, ,) (NP ...) (VP (VBD said) ...) (. .)); a mid-sentence one ", a witness
//    said," as (PRN (, ,) (S (NP ..) (VP (VBD said))) (, ,)).
//  - Clause boundaries: a comma after an introductory phrase ("After talks with X, the envoy
//    said") or after a relative clause opened by a comma or dash closes it, so the subject
//    reaches its verb; "and"/"but" before a subject and finite verb joins clauses ("but"
//    at the top); a finite verb after "and" can coordinate with a verb outside an
//    infinitive or -ing clause; "according to X" is (PP (VBG According) (PP (TO to) ..));
//    a bare infinitive after the object of "help"/"let"/"make" is an S inside that VP;
//    "at least N" opens an NP; "last week" after an object is its own NP.
// Brackets in words are escaped as -LRB-/-RRB- (also -LCB-/-RCB-); white space inside a
// token is replaced by '_'. The output is always balanced; for a sentence with no tokens it
// is "(ROOT (S))". Tokens whose tag is empty are treated as NN.
//
// Thread safety: a pure function; safe to call from several threads.
#ifndef EVENTCODER_TEXT_SHALLOW_PARSER_H_
#define EVENTCODER_TEXT_SHALLOW_PARSER_H_

#include <string>

#include "parse/tree.h"
#include "text/sentence.h"

namespace eventcoder {

std::string ShallowParse(const Sentence& s);

// The same parse built directly as a ParseTree, without the string round trip: *tree is
// what ReadTreebank(ShallowParse(s)) gives, except that each word keeps its token's text,
// norm and byte offsets (begin, end). Returns false, leaving no usable tree, when `s` has
// no tokens or the tree would exceed kMaxTreeNodes (where ReadTreebank fails).
// *tree's buffers are reused: pass the same tree for many sentences to avoid allocations.
// (Its node and word vectors may be exchanged with ones the calling thread keeps from
// earlier trees of the sizes needed; each thread keeps at most a few MB of them.)
bool ShallowParseTree(const Sentence& s, ParseTree* tree);

}  // namespace eventcoder

#endif  // EVENTCODER_TEXT_SHALLOW_PARSER_H_

/*
 * tokenizer_driver.c - differential-testing driver for tools/fuzz_tokenizers.py.
 * Reads one JSON string per line; for each writes the Punkt sentences (3.8),
 * "\x1f", the word_tokenize tokens (3.8), "\x1f", the tokens (3.9.2), each
 * list joined by "\x1e", then "\x1d\n". Not part of the library or of CI.
 *
 * Build against a static library build, e.g.
 *   cmake -S . -B build-static -DBUILD_SHARED_LIBS=OFF && cmake --build build-static
 *   cc -O2 -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude tools/tokenizer_driver.c \
 *      build-static/libifreward.a -ljansson -lpcre2-8 -lutf8proc -lm -o /tmp/tokdrv
 */
#include <jansson.h>
#include <sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nlp/punkt.h"
#include "nlp/treebank.h"
#include "text/pycompat.h"
static void put_cp(const uint32_t *p, size_t n){ for(size_t i=0;i<n;i++){ char b[4]; size_t k=ifr__utf8_put(p[i],b); fwrite(b,1,k,stdout);} }
int main(void){
  ifr_allocator al; ifr__alloc_default(&al); ifr__arena ar; ifr__arena_init(&ar,&al);
  char *line=NULL; size_t cap=0; ssize_t len;
  while((len=getline(&line,&cap,stdin))>0){
    json_error_t e; json_t *j=json_loadb(line,len,JSON_DECODE_ANY|JSON_ALLOW_NUL,&e);
    if(!j){fprintf(stderr,"bad json %s\n",e.text);return 1;}
    ifr__arena_reset(&ar);
    ifr__text t; ifr__text_init(&t,&ar,json_string_value(j),json_string_length(j));
    const ifr__span *sp; size_t ns; ifr__text_sentences(&t,IFR__NLTK_38,&sp,&ns);
    for(size_t i=0;i<ns;i++){ if(i) fputs("\x1e",stdout); put_cp(t.cp+sp[i].b, sp[i].e-sp[i].b);} 
    for(int v=0;v<2;v++){ fputs("\x1f",stdout); const ifr__ustr *tk; size_t nt; ifr__text_tokens(&t,(ifr__nltk_version)v,&tk,&nt);
      for(size_t i=0;i<nt;i++){ if(i) fputs("\x1e",stdout); put_cp(tk[i].p,tk[i].n);} }
    fputs("\x1d\n",stdout);
    json_decref(j);
  }
  return 0;
}

# help2man's page of `retort --help`: the usage's choice of commands is one
# word longer than a man page line. Let groff break it after each comma and
# leave that line unjustified (else lintian: groff-message "cannot adjust line").
/^{/ {
  s/,/,\\:/g
  i\
.na
  a\
.ad
}

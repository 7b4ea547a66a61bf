# Comments, blank lines, continuation and odd layout.

x = [
    1,   # one
    2,   # two

    3,
]  # trailing


def f(a,
      b):
    # comment at body indentation
    return (a +
            b)
        # comment deeper than the body


if x:
    pass
  # comment shallower than the body
else:
    pass

total = 1 + \
    2 + \
    3

if a and \
   b:
    pass

d = {
    'k': 'v',
    **other,
}

call(
    arg,
    key=value,
)

s = ('a'
     'b'
     f'{c}')

class C:

    x = 1


    def m(self):

        return 1
def after_class(): pass
	# tab-indented comment line
y = 1 ;

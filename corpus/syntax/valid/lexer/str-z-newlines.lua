s = "abc\z

      def\z
"
x = 1

tabs	=	"tab"
block {
	inner = 2
}

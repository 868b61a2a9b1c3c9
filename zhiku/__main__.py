from zhiku.cli import main

main()

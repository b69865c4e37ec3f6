from pressline.cli import main

main(prog_name="pressline")

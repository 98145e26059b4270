Creator "orgnet docs: an invented network of letters between five committees"
graph
[
  directed 1
  # ids are the file's own; labels become names
  node [ id 1 label "Anna's committee" members 12 ]
  node [ id 2 label "Boris's committee" members 7 ]
  node [ id 3 label "Clara's committee" members 9 ]
  node [ id 4 label "Dmitri's committee" members 4 ]
  node [ id 5 label "Elena's committee" members 15 ]
  edge [ source 1 target 2 value 3 ]
  edge [ source 2 target 3 value 1 ]
  edge [ source 3 target 1 value 2 ]
  edge [ source 3 target 4 value 5 ]
  edge [ source 4 target 5 value 1 ]
  edge [ source 5 target 3 value 2 ]
]
